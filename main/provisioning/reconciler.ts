import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { CustomerLock, IsolirExecutors, IsolirIntents } from '../isolir/index.js';
import { ISOLIR_ADDRESS_LIST, RouterError, type RouterApi, type RoutersService, type Row } from '../network/index.js';
import type { SecretBox } from '../secrets/index.js';
import { notFound } from '../platform/index.js';
import type { ReconcileResult } from '../../shared/domain/provisioning.js';
import { ACCOUNT_FIELDS, accountChanges, PasswordMissing, type AccountSync } from './account-sync.js';
import type { AccountTargets } from './account-targets.js';
import { ACCOUNT_MENUS, accountComment, desiredAccount, type AccountKind } from './desired-account.js';
import type { DriftStore } from './drift-store.js';
import type { StateStore } from './state-store.js';

export const PROVISIONING_RECONCILE_JOB = 'provisioning.reconcile';

export interface ReconcilerDeps {
  db: Db;
  api: RouterApi;
  routers: RoutersService;
  customers: CustomersService;
  targets: AccountTargets;
  sync: AccountSync;
  secrets: SecretBox;
  states: StateStore;
  drift: DriftStore;
  bus: EventBus;
  lock: CustomerLock;
  isolir: IsolirIntents;
  /** Isolir's own executors: an address-list isolation changed by hand is put back the way isolir makes it. */
  executors: IsolirExecutors;
}

interface Drifted {
  customerId: string;
  username: string;
  kind: 'changed' | 'missing';
  found: string;
}

/** An isolated customer's address gone from the `isolir` list, or a reconnected one's still on it (address-list routers). */
interface ListDrifted extends Drifted {
  isolate: boolean;
  packageProfile: string;
}

const LIST_FIELDS = ['.id', 'address', 'comment'] as const;

/** What the router has that the customer should not (its own values of the fields that differ); null: nothing differs. */
function difference(account: Row | undefined, want: ReturnType<typeof desiredAccount>): Pick<Drifted, 'kind' | 'found'> | null {
  if (!account) return { kind: 'missing', found: '' };
  const fields = Object.keys(accountChanges(account, want));
  return fields.length === 0 ? null : { kind: 'changed', found: fields.map((k) => `${k}=${account[k] ?? ''}`).join(', ') };
}

/**
 * Reads a router's accounts in one print per menu (only the fields compared) and holds them against
 * every customer on it: drift (a profile or a disabled flag changed by hand in Winbox, a secret
 * deleted, an isolated customer enabled again) is repaired and logged. A customer with a sync on
 * its way is left to that job, and each repair runs under isolir's per-customer lock, re-reading
 * the customer and the account first, so the reconciler never fights a change in flight. Accounts
 * no customer owns are reported, never deleted.
 */
export class Reconciler {
  constructor(private readonly d: ReconcilerDeps) {}

  /** Every RouterOS router of the tenant (the schedule's run); a router that does not answer is recorded as such and the others go on. */
  async reconcileTenant(tenantId: string): Promise<ReconcileResult[]> {
    const routers = this.d.routers.list(tenantId).filter((r) => r.isolirMethod !== 'radius');
    return Promise.all(routers.map((r) => this.reconcile(tenantId, r.id)));
  }

  async reconcile(tenantId: string, routerId: string): Promise<ReconcileResult> {
    const setup = this.d.routers.isolirSetup(tenantId, routerId);
    const result = { routerId, checked: 0, repaired: 0, skipped: 0, unknown: [] as string[], errorCode: null as string | null };
    if (!setup) throw notFound();
    if (setup.method === 'radius') return this.finish(tenantId, result);
    let accounts: Record<AccountKind, Map<string, Row>>;
    // Our entries on the isolir list, by their mark (address-list routers only; the others keep none).
    let listed: ReadonlySet<string> | null = null;
    try {
      const [secrets, users, entries] = await Promise.all([
        ...(['pppoe', 'hotspot'] as const).map((kind) => this.d.api.print(setup.api, ACCOUNT_MENUS[kind].account, {}, ACCOUNT_FIELDS)),
        setup.method === 'address-list' ? this.d.api.print(setup.api, '/ip/firewall/address-list', { list: ISOLIR_ADDRESS_LIST }, LIST_FIELDS) : Promise.resolve(null),
      ]);
      const byName = (rows: readonly Row[] = []) => new Map(rows.map((row) => [row.name ?? '', row]));
      accounts = { pppoe: byName(secrets ?? []), hotspot: byName(users ?? []) };
      if (entries) listed = new Set(entries.map((e) => e.comment ?? ''));
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      return this.finish(tenantId, { ...result, errorCode: error.code });
    }
    // Customers with a change on its way (a sync, an isolation or a reconnection) are left to their job.
    const pending = this.d.states.pendingCustomers(tenantId);
    const isolirPending = this.d.isolir.pendingAll(tenantId);
    const drifted: Drifted[] = [];
    const listDrifted: ListDrifted[] = [];
    const owned: Record<AccountKind, Set<string>> = { pppoe: new Set(), hotspot: new Set() };
    for (const owner of this.d.customers.onRouter(tenantId, routerId)) {
      owned[owner.serviceType].add(owner.username);
      result.checked += 1;
      const busy = pending.has(owner.id) || isolirPending.has(owner.id);
      const found = difference(accounts[owner.serviceType].get(owner.username), desiredAccount(owner, setup));
      // A hotspot user has no fixed address: on an address-list router it is isolated by profile (compared above).
      const onList = listed && owner.serviceType === 'pppoe' ? listed.has(accountComment(owner.id)) : null;
      const listWrong = onList !== null && onList !== (owner.status === 'isolated');
      if (found === null && !listWrong) continue;
      if (busy) {
        result.skipped += 1;
        continue;
      }
      if (found !== null) drifted.push({ customerId: owner.id, username: owner.username, ...found });
      if (listWrong) {
        const isolate = owner.status === 'isolated';
        const entry = `${ISOLIR_ADDRESS_LIST} list: ${isolate ? 'missing' : 'still listed'}`;
        listDrifted.push({ customerId: owner.id, username: owner.username, kind: 'changed', found: entry, isolate, packageProfile: owner.routerProfile });
      }
    }
    result.unknown = (['pppoe', 'hotspot'] as const).flatMap((kind) => [...accounts[kind].keys()].filter((name) => !owned[kind].has(name)));
    const repaired = await Promise.all([
      ...drifted.map((d) => this.repair(tenantId, routerId, d)),
      ...listDrifted.map((d) => this.repairListing(tenantId, routerId, d)),
    ]);
    result.repaired = repaired.filter(Boolean).length;
    const seen = this.d.drift.lastUnknown(tenantId, routerId);
    for (const name of result.unknown.filter((n) => !seen.has(n))) {
      this.d.drift.add(tenantId, { routerId, customerId: null, username: name, kind: 'unknown', found: '', outcome: 'reported', done: '' });
    }
    return this.finish(tenantId, result);
  }

  /** One customer, under the lock, from a fresh read of the console and of the router. */
  private repair(tenantId: string, routerId: string, drifted: Drifted): Promise<boolean> {
    return this.d.lock.run(`${tenantId}:${drifted.customerId}`, async () => {
      const target = this.d.targets.forCustomer(tenantId, drifted.customerId);
      // Moved to another router (or deleted) since the read: its own sync deals with it.
      if (target?.routerId !== routerId) return false;
      const sealed = target.sealedPassword;
      let done: string;
      try {
        done = await this.d.sync.sync(target.router, target.want, sealed === null ? null : { value: this.d.secrets.open(sealed), changed: false });
      } catch (error) {
        if (!(error instanceof RouterError || error instanceof PasswordMissing)) throw error;
        this.d.drift.add(tenantId, { routerId, ...drifted, outcome: 'failed', done: error.code });
        return false;
      }
      if (done === 'unchanged') return false;
      this.d.drift.add(tenantId, { routerId, ...drifted, outcome: 'repaired', done });
      return true;
    });
  }

  /** Puts the customer's isolir-list entry back as isolir last confirmed it, by isolir's own executor, under the lock and from a fresh read. */
  private repairListing(tenantId: string, routerId: string, drifted: ListDrifted): Promise<boolean> {
    return this.d.lock.run(`${tenantId}:${drifted.customerId}`, async () => {
      const { isolate, packageProfile, ...entry } = drifted;
      const customer = this.d.customers.find(tenantId, drifted.customerId);
      // Changed since the read (moved, reconnected, a request on its way): their own job deals with it.
      if (customer?.routerId !== routerId || (customer.status === 'isolated') !== isolate || this.d.isolir.pending(tenantId, customer.id)) return false;
      const executor = this.d.executors.forRouter(tenantId, routerId);
      if (!executor) return false;
      const who = { id: customer.id, username: customer.username, serviceType: customer.serviceType };
      const result = isolate ? await executor.isolate(who) : await executor.reconnect(who, packageProfile);
      if (result.outcome !== 'applied') {
        this.d.drift.add(tenantId, { routerId, ...entry, outcome: 'failed', done: result.failure.code });
        return false;
      }
      this.d.drift.add(tenantId, { routerId, ...entry, outcome: 'repaired', done: result.confirmed });
      return true;
    });
  }

  private finish(tenantId: string, result: Omit<ReconcileResult, 'at'>): ReconcileResult {
    const at = this.d.db.transaction(() => {
      this.d.bus.publish('router_reconciled', tenantId, { routerId: result.routerId });
      return this.d.drift.recordRun(tenantId, result);
    })();
    return { ...result, at: new Date(at).toISOString() };
  }
}
