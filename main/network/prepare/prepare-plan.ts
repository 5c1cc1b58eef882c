import type { PrepareItem, PrepareItemKey } from '../../../shared/domain/router-prepare.js';
import type { Row } from '../adapters/routeros/index.js';
import { ISOLIR_MARK, wantedItems, type PrepareMenu, type PrepareTarget, type WantedItem } from './prepare-items.js';

/** What the router has: every row of each menu the plan read, in the router's order. */
export type RouterState = Readonly<Partial<Record<PrepareMenu, readonly Row[]>>>;

/** What applying an item does on the router. */
export type PrepareStep =
  | { kind: 'none' }
  | { kind: 'manual' }
  /** `placeBefore`: the `.id` the new rule goes above (RouterOS `place-before`); null appends. */
  | { kind: 'add'; menu: PrepareMenu; values: Readonly<Record<string, string>>; placeBefore: string | null }
  | { kind: 'set'; menu: PrepareMenu; id: string; values: Readonly<Record<string, string>> }
  /** A rule in the wrong place: removed, then added again where it belongs (the API's `move` differs between versions; this does not). */
  | { kind: 'replace'; menu: PrepareMenu; id: string; values: Readonly<Record<string, string>>; placeBefore: string | null };

export interface PlannedItem {
  item: PrepareItem;
  step: PrepareStep;
}

/** One item's verdict before it gets its command. */
type ItemPlan = Pick<PrepareItem, 'status' | 'changes'> & { step: PrepareStep };

export interface PlanInput extends PrepareTarget {
  /** As the router reports it ("6.49.10 (long-term)", "7.18.1 (stable)"). */
  version: string;
  state: RouterState;
}

/** The API prints booleans as true/false; people and our values write yes/no. */
const normal = (value: string | undefined): string | undefined => (value === 'yes' ? 'true' : value === 'no' ? 'false' : value);

const differences = (want: WantedItem['values'], have: Row | undefined) =>
  Object.entries(want)
    .filter(([field, value]) => normal(have?.[field]) !== normal(value) && !(field === 'disabled' && have !== undefined && have[field] === undefined))
    .map(([field, value]) => ({ field, have: have?.[field] ?? null, want: value }));

const isOurs = (row: Row) => (row.comment ?? '').startsWith(`${ISOLIR_MARK}:`);
const isDynamic = (row: Row) => row.dynamic === 'true';

/** RouterOS 7.15 and later refuse RADIUS answers without a Message-Authenticator unless the client says otherwise. */
function needsMessageAuth(version: string): boolean {
  const [major = 0, minor = 0] = (/^(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  return major > 7 || (major === 7 && minor >= 15);
}

const quoted = (value: string) => (/^[A-Za-z0-9.,:/_-]+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`);
const words = (values: Readonly<Record<string, string>>) => Object.entries(values).map(([k, v]) => `${k}=${quoted(v)}`).join(' ');

/** The terminal command an item stands for, as a technician would type it in Winbox's terminal. */
function commandOf(wanted: WantedItem, version: string): string {
  const menu = wanted.menu.slice(1).replace(/\//g, ' ');
  switch (wanted.key) {
    case 'radiusClient':
      // The field exists from 7.15 on; RouterOS 6 refuses an attribute it does not know.
      return `/${menu} add service=ppp,hotspot address=<alamat server RADIUS> secret=<secret>${needsMessageAuth(version) ? ' require-message-auth=yes' : ''}`;
    case 'radiusIncoming':
    case 'pppAaa':
      return `/${menu} set ${words(wanted.values)}`;
    default:
      return `/${menu} add ${words(wanted.values)}`;
  }
}

/** Named items (pool, profiles) and RADIUS settings: found or not, the same or not. */
function planOne(wanted: WantedItem, rows: readonly Row[]): ItemPlan {
  const { match } = wanted;
  if (match.by === 'check') {
    return rows.some(match.test) ? { status: 'present', changes: [], step: { kind: 'none' } } : { status: 'manual', changes: differences(wanted.values, undefined), step: { kind: 'manual' } };
  }
  const row = rows.find((r) => (match.by === 'name' ? r.name === match.name : r.comment === match.comment));
  if (!row) return { status: 'add', changes: differences(wanted.values, undefined), step: { kind: 'add', menu: wanted.menu, values: wanted.values, placeBefore: null } };
  const changes = differences(wanted.values, row);
  if (changes.length === 0) return { status: 'present', changes, step: { kind: 'none' } };
  return { status: 'change', changes, step: { kind: 'set', menu: wanted.menu, id: row['.id'] ?? '', values: Object.fromEntries(changes.map((c) => [c.field, c.want])) } };
}

/**
 * Our rules of one chain, which must sit above every other rule of it, in our order. Rules in the
 * right place and right are left alone; a new one goes just above the next of ours that stays (so
 * the order holds), or above the first other rule. When ours are out of order or below another
 * rule, each is taken out and put back above the first other rule, in our order.
 */
function planChain(items: readonly WantedItem[], rows: readonly Row[], chain: string): Map<PrepareItemKey, ItemPlan> {
  const inChain = rows.filter((r) => r.chain === chain && !isDynamic(r));
  const found = items.map((wanted) => inChain.find((r) => wanted.match.by === 'comment' && r.comment === wanted.match.comment));
  const firstOther = inChain.findIndex((r) => !isOurs(r));
  const anchor = firstOther < 0 ? null : (inChain[firstOther]?.['.id'] ?? null);
  const positions = found.flatMap((row) => (row ? [inChain.indexOf(row)] : []));
  const inPlace = positions.every((p, i) => (i === 0 || p > (positions[i - 1] ?? -1)) && (firstOther < 0 || p < firstOther));
  const plans = new Map<PrepareItemKey, ItemPlan>();
  items.forEach((wanted, index) => {
    const row = found[index];
    const changes = differences(wanted.values, row);
    if (!row) {
      const nextKept = inPlace ? found.slice(index + 1).find((r) => r !== undefined) : undefined;
      plans.set(wanted.key, { status: 'add', changes, step: { kind: 'add', menu: wanted.menu, values: wanted.values, placeBefore: nextKept?.['.id'] ?? anchor } });
    } else if (!inPlace) {
      plans.set(wanted.key, {
        status: 'change',
        changes: [{ field: 'place', have: null, want: 'top' }, ...changes],
        step: { kind: 'replace', menu: wanted.menu, id: row['.id'] ?? '', values: wanted.values, placeBefore: anchor },
      });
    } else if (changes.length > 0) {
      plans.set(wanted.key, { status: 'change', changes, step: { kind: 'set', menu: wanted.menu, id: row['.id'] ?? '', values: Object.fromEntries(changes.map((c) => [c.field, c.want])) } });
    } else {
      plans.set(wanted.key, { status: 'present', changes, step: { kind: 'none' } });
    }
  });
  return plans;
}

/**
 * The plan: each item the router needs, whether it has it ("sudah ada"), lacks it ("akan
 * ditambahkan") or has it otherwise ("berbeda: akan diubah"), and the step that puts it right.
 * Pure: the same router state gives the same plan, and the state after applying gives a plan of
 * nothing but "sudah ada" (running it twice adds nothing).
 */
export function preparePlan(input: PlanInput): PlannedItem[] {
  const wanted = wantedItems(input);
  const chains = new Map<string, WantedItem[]>();
  for (const item of wanted) if (item.chain) chains.set(item.chain, [...(chains.get(item.chain) ?? []), item]);
  const chained = new Map([...chains].flatMap(([chain, items]) => [...planChain(items, input.state[items[0]?.menu ?? '/ip/firewall/filter'] ?? [], chain)]));
  return wanted.map((item) => {
    const { status, changes, step } = chained.get(item.key) ?? planOne(item, input.state[item.menu] ?? []);
    return { item: { key: item.key, status, command: commandOf(item, input.version), changes }, step };
  });
}
