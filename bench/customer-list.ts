/**
 * Child process of bench/run.ts: customer search and next page as an operator meets them after
 * starting the app on an existing database — a fresh process (cold JIT, fresh SQLite connection
 * and caches), the customer screen's first list, then searches typed one after another. Nothing
 * else is warmed up. Prints one JSON object on stdout.
 *
 *   node --import tsx bench/customer-list.ts <dataDir>   (session token in RRNET_BENCH_SESSION)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../main/secrets/index.js';
import { formatPhoneLocal } from '../shared/util/phone.js';
import { percentile, round, stats, type Stats } from './stats.js';

const SEARCH_ROUNDS = 40;

interface Page {
  items: { name: string }[];
  nextCursor: string | null;
  total: number;
}

/**
 * Wall time is what the operator waits; CPU time is the same call with the machine's other work
 * left out (the core answers a list synchronously), which keeps figures comparable on a busy machine.
 */
async function timedList(core: Core, session: string, input: Record<string, unknown>): Promise<{ ms: number; cpuMs: number; page: Page }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await core.call('customers.list', input, { session, locale: 'id' });
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`customers.list ${JSON.stringify(input)} failed: ${JSON.stringify(result.error)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, page: result.data as Page };
}

const cpuStats = (samples: number[]) => ({ cpuP50: round(percentile(samples, 50)), cpuP99: round(percentile(samples, 99)) });

/** Realistic things typed into the search box, built from the seeded data; the last three find no one. */
function searchQueries(core: Core): Record<string, string> {
  const sample = core.db.prepare(`SELECT phone, username, code FROM customers ORDER BY id LIMIT 1 OFFSET 12345`).get() as {
    phone: string;
    username: string;
    code: string;
  };
  const local = formatPhoneLocal(sample.phone); // 0812-3456-7890
  return {
    'name: first name': 'budi',
    // Its 1,200 matches all sit under Y: a plan that walks the names from A pays for the whole list.
    'name: first name, late in the alphabet': 'yuni',
    'name: family name': 'santoso',
    'name: full': 'siti rahayu',
    'name: partial': 'wibo',
    'name: partial two words': 'sri hand',
    'phone: 08 prefix fragment': local.slice(0, 9), // "0812-3456"
    'phone: 08 full': local,
    'phone: 62 form': sample.phone.slice(1),
    'phone: last digits': sample.phone.slice(-6),
    username: sample.username,
    code: sample.code,
    'one letter': 'a',
    'two letters': 'an',
    'two letters, no match': 'qz',
    'no match': 'zzqx',
  };
}

/**
 * Each round types every query once, in turn, as an operator moves from one customer to the next:
 * no query is timed many times in a row against caches it just filled.
 */
async function measureSearch(core: Core, session: string, queries: Record<string, string>) {
  const samples = new Map<string, { ms: number[]; cpuMs: number[]; total: number }>(
    Object.keys(queries).map((label) => [label, { ms: [], cpuMs: [], total: 0 }]),
  );
  for (let i = 0; i < SEARCH_ROUNDS; i++) {
    for (const [label, query] of Object.entries(queries)) {
      const { ms, cpuMs, page } = await timedList(core, session, { query });
      const mine = samples.get(label);
      mine?.ms.push(ms);
      mine?.cpuMs.push(cpuMs);
      if (mine) mine.total = page.total;
    }
  }
  const perQuery: Record<string, Stats & ReturnType<typeof cpuStats> & { query: string; total: number }> = {};
  for (const [label, query] of Object.entries(queries)) {
    const mine = samples.get(label) ?? { ms: [], cpuMs: [], total: 0 };
    perQuery[label] = { query, total: mine.total, ...stats(mine.ms), ...cpuStats(mine.cpuMs) };
  }
  const [slowestLabel, slowest] = Object.entries(perQuery).reduce((a, b) => (b[1].p99 > a[1].p99 ? b : a));
  const all = [...samples.values()];
  return {
    ...stats(all.flatMap((s) => s.ms)),
    ...cpuStats(all.flatMap((s) => s.cpuMs)),
    slowest: { label: slowestLabel, query: slowest.query, p50: slowest.p50, p99: slowest.p99 },
    perQuery,
  };
}

async function measurePaging(core: Core, session: string) {
  const walks: Record<string, Record<string, unknown> & { maxPages: number }> = {
    'all customers': { maxPages: 300 },
    'status active': { status: 'active', maxPages: 300 },
    'query budi': { query: 'budi', maxPages: 300 },
    'query santoso': { query: 'santoso', maxPages: 100 },
    'query two letters': { query: 'an', maxPages: 100 },
  };
  const all = { ms: [] as number[], cpuMs: [] as number[] };
  const perWalk: Record<string, Stats & ReturnType<typeof cpuStats> & { rows: number }> = {};
  for (const [label, { maxPages, ...filter }] of Object.entries(walks)) {
    const samples = { ms: [] as number[], cpuMs: [] as number[] };
    let cursor: string | null = null;
    let rows = 0;
    for (let page = 0; page < maxPages; page++) {
      const { ms, cpuMs, page: result } = await timedList(core, session, { ...filter, limit: 50, cursor });
      rows += result.items.length;
      // The first page is a search, not a "next page".
      if (page > 0) {
        samples.ms.push(ms);
        samples.cpuMs.push(cpuMs);
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    all.ms.push(...samples.ms);
    all.cpuMs.push(...samples.cpuMs);
    perWalk[label] = { rows, ...stats(samples.ms), ...cpuStats(samples.cpuMs) };
  }
  const [slowestLabel, slowest] = Object.entries(perWalk).reduce((a, b) => (b[1].p99 > a[1].p99 ? b : a));
  return { ...stats(all.ms), ...cpuStats(all.cpuMs), slowest: { label: slowestLabel, p50: slowest.p50, p99: slowest.p99 }, perWalk };
}

const dataDir = process.argv[2];
const session = process.env.RRNET_BENCH_SESSION;
if (!dataDir || !session) {
  console.error('usage: node --import tsx bench/customer-list.ts <dataDir>  (RRNET_BENCH_SESSION=<token>)');
  process.exit(2);
}

const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)) });
// The customer screen opens on the first page: the one warm-up an operator's first minute has.
const firstList = await timedList(core, session, {});
const loadBefore = loadavg()[0] ?? 0;
const search = await measureSearch(core, session, searchQueries(core));
const page = await measurePaging(core, session);
const rssMb = process.memoryUsage().rss / 1024 / 1024;
await core.close();
process.stdout.write(
  JSON.stringify({
    firstListMs: round(firstList.ms),
    search,
    page,
    rssMb: round(rssMb),
    // The machine's 1-minute load average before and after: compare figures only at similar load.
    loadAverage: { before: round(loadBefore), after: round(loadavg()[0] ?? 0) },
  }),
);
