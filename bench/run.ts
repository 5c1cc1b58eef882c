/**
 * `npm run bench`: seeds 50,000 customers and measures what an operator feels — search, next page,
 * core start-up and memory — and the WhatsApp queue (bench/wa-bench.ts). Prints ONE JSON object on
 * stdout; progress goes to stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../main/secrets/index.js';
import { formatPhoneLocal } from '../shared/util/phone.js';
import { benchRendererCustomers } from './renderer-customers.js';

const CUSTOMERS = Number(process.env.RRNET_BENCH_CUSTOMERS ?? 50_000);
const SEARCH_ROUNDS = 40;
const START_RUNS = 3;
const TARGETS = { searchP99Ms: 15, pageP99Ms: 15, startToReadyMs: 1_500, coreRssMb: 250 };

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const round = (n: number) => Math.round(n * 100) / 100;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const stats = (samples: number[]) => ({ n: samples.length, p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), max: round(Math.max(...samples)) });

interface Page {
  items: { name: string }[];
  nextCursor: string | null;
  total: number;
}

async function timedList(core: Core, session: string, input: Record<string, unknown>): Promise<{ ms: number; page: Page }> {
  const start = performance.now();
  const result = await core.call('customers.list', input, { session, locale: 'id' });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`customers.list ${JSON.stringify(input)} failed: ${JSON.stringify(result.error)}`);
  return { ms, page: result.data as Page };
}

/** Realistic things typed into the search box, built from the seeded data so each finds someone. */
function searchQueries(core: Core, tenantId: string): Record<string, string> {
  const sample = core.db
    .prepare(`SELECT phone, username, code FROM customers WHERE tenant_id = ? ORDER BY id LIMIT 1 OFFSET 12345`)
    .get(tenantId) as { phone: string; username: string; code: string };
  const local = formatPhoneLocal(sample.phone); // 0812-3456-7890
  return {
    'name: first name': 'budi',
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
    'two letters': 'an',
    'two letters, no match': 'qz',
    'no match': 'zzqx',
  };
}

async function measureSearch(core: Core, session: string, queries: Record<string, string>) {
  const all: number[] = [];
  const perQuery: Record<string, ReturnType<typeof stats> & { query: string; total: number }> = {};
  for (const [label, query] of Object.entries(queries)) {
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < SEARCH_ROUNDS; i++) {
      const { ms, page } = await timedList(core, session, { query });
      samples.push(ms);
      total = page.total;
    }
    all.push(...samples);
    perQuery[label] = { query, total, ...stats(samples) };
  }
  return { ...stats(all), perQuery };
}

async function measurePaging(core: Core, session: string) {
  const walks: Record<string, Record<string, unknown> & { maxPages: number }> = {
    'all customers': { maxPages: 300 },
    'status active': { status: 'active', maxPages: 300 },
    'query budi': { query: 'budi', maxPages: 300 },
    'query two letters': { query: 'an', maxPages: 100 },
  };
  const all: number[] = [];
  const perWalk: Record<string, ReturnType<typeof stats> & { rows: number }> = {};
  for (const [label, { maxPages, ...filter }] of Object.entries(walks)) {
    const samples: number[] = [];
    let cursor: string | null = null;
    let rows = 0;
    for (let page = 0; page < maxPages; page++) {
      const { ms, page: result } = await timedList(core, session, { ...filter, limit: 50, cursor });
      rows += result.items.length;
      // The first page is a search, not a "next page".
      if (page > 0) samples.push(ms);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    all.push(...samples);
    perWalk[label] = { rows, ...stats(samples) };
  }
  return { ...stats(all), perWalk };
}

/** Runs a bench script in a fresh Node process and returns the JSON it prints. */
function runChild<T>(name: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  const script = fileURLToPath(new URL(name, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${name} exited with ${code}`))));
  });
}

function startChild(dataDir: string, session: string): Promise<{ spawnToReadyMs: number; importMs: number; createCoreMs: number; firstListMs: number; startToReadyMs: number; rssMb: number }> {
  const spawned = performance.now();
  return runChild<{ importMs: number; createCoreMs: number; firstListMs: number; startToReadyMs: number; rssMb: number }>('./core-start.ts', [dataDir], {
    RRNET_BENCH_SESSION: session,
  }).then((result) => ({ spawnToReadyMs: performance.now() - spawned, ...result }));
}

const median = (values: number[]) => percentile(values, 50);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rrnet-bench-'));
  try {
    const secrets = createSecretBox(loadOrCreateKeyFile(dataDir));
    let core = createCore({ dataDir, secrets });
    const owner = await core.call('setup.createOwner', {
      tenantName: 'Bench Net',
      timezone: 'Asia/Jakarta',
      username: 'bench',
      displayName: 'Bench',
      password: 'bench-password',
    });
    if (!owner.ok) throw new Error(JSON.stringify(owner.error));
    const { token: session, tenant } = owner.data as { token: string; tenant: { id: string } };
    core.services.tenants.applySubscription(tenant.id, { plan: 'pro', addons: [], status: 'active' });

    progress(`seeding ${CUSTOMERS} customers through the services`);
    let t = performance.now();
    core.services.demo.seed(tenant.id, { customers: CUSTOMERS });
    const seedMs = performance.now() - t;
    // The seeder picks a demo plan; the bench wants room to grow and every feature.
    core.services.tenants.applySubscription(tenant.id, { plan: 'pro', addons: [], status: 'active' });
    t = performance.now();
    await core.bus.drain();
    const drainMs = performance.now() - t;
    progress(`seeded in ${Math.round(seedMs)} ms, events delivered in ${Math.round(drainMs)} ms`);

    // Like the app after a restart: the seeding connection's caches are gone.
    await core.close();
    core = createCore({ dataDir, secrets });
    await timedList(core, session, {});

    progress('measuring search');
    const search = await measureSearch(core, session, searchQueries(core, tenant.id));
    progress('measuring next page');
    const page = await measurePaging(core, session);
    const benchRssMb = process.memoryUsage().rss / 1024 / 1024;
    await core.close();

    progress(`measuring core start in a fresh process (${START_RUNS} runs)`);
    const starts = [];
    for (let i = 0; i < START_RUNS; i++) starts.push(await startChild(dataDir, session));
    const start = {
      runs: START_RUNS,
      startToReadyMs: round(median(starts.map((s) => s.startToReadyMs))),
      importMs: round(median(starts.map((s) => s.importMs))),
      createCoreMs: round(median(starts.map((s) => s.createCoreMs))),
      firstListMs: round(median(starts.map((s) => s.firstListMs))),
      spawnToReadyMs: round(median(starts.map((s) => s.spawnToReadyMs))),
      rssMb: round(median(starts.map((s) => s.rssMb))),
    };

    progress('measuring WhatsApp: broadcast enqueue, drain, rate accuracy');
    const whatsapp = await runChild<Record<string, unknown>>('./wa-child.ts', []);

    const dbFile = join(dataDir, 'rrnet.sqlite');
    const result = {
      customers: CUSTOMERS,
      node: process.version,
      seed: { ms: Math.round(seedMs), eventDrainMs: Math.round(drainMs), dbMb: round(statSync(dbFile).size / 1024 / 1024) },
      search,
      page,
      coreStart: start,
      benchRssMb: round(benchRssMb),
      whatsapp,
      renderer: await benchRendererCustomers(),
      targets: TARGETS,
      met: {
        searchP99: search.p99 < TARGETS.searchP99Ms,
        pageP99: page.p99 < TARGETS.pageP99Ms,
        startToReady: start.startToReadyMs < TARGETS.startToReadyMs,
        coreRss: start.rssMb < TARGETS.coreRssMb,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
