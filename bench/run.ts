/**
 * `npm run bench`: seeds 50,000 customers and measures what an operator feels — search and next
 * page (bench/customer-list.ts, in a fresh process), core start-up and memory — and the WhatsApp
 * queue (bench/wa-bench.ts), RouterOS commands at a 20 ms round trip (bench/routeros-bench.ts) and the reconciler on a
 * router with 2,000 secrets (bench/reconcile-bench.ts), and billing (bench/billing-bench.ts: invoices for
 * every seeded customer, the rerun, reconnect after a payment). Prints ONE JSON object on stdout; progress goes to stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../main/secrets/index.js';
import { percentile, round, type Stats } from './stats.js';
import { benchRendererCustomers } from './renderer-customers.js';

const CUSTOMERS = Number(process.env.RRNET_BENCH_CUSTOMERS ?? 50_000);
const START_RUNS = 3;
const TARGETS = { searchP99Ms: 15, pageP99Ms: 15, startToReadyMs: 1_500, coreRssMb: 250 };

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

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
    const core = createCore({ dataDir, secrets });
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

    await core.close();

    progress('measuring search and next page in a fresh process, as after an app start');
    type Figures = Stats & { slowest: Record<string, unknown> };
    const { search, page, ...customerListProcess } = await runChild<{ search: Figures; page: Figures } & Record<string, unknown>>(
      './customer-list.ts',
      [dataDir],
      { RRNET_BENCH_SESSION: session },
    );

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
    const durability = await runChild<Record<string, unknown>>('./durability.ts', []);
    progress('measuring RouterOS: commands and isolations at a 20 ms round trip, against the wire server');
    const routeros = await runChild<Record<string, unknown>>('./routeros-bench.ts', []);
    const reconcile = await runChild<Record<string, unknown>>('./reconcile-bench.ts', []);
    progress('measuring billing: invoices for every seeded customer, the rerun, reconnect after a payment');
    // Last: it adds this month's invoices to the seeded folder.
    const billing = await runChild<Record<string, unknown>>('./billing-bench.ts', [dataDir]);

    const dbFile = join(dataDir, 'rrnet.sqlite');
    const result = {
      customers: CUSTOMERS,
      node: process.version,
      seed: { ms: Math.round(seedMs), eventDrainMs: Math.round(drainMs), dbMb: round(statSync(dbFile).size / 1024 / 1024) },
      search,
      page,
      customerListProcess,
      coreStart: start,
      whatsapp,
      durability,
      routeros,
      reconcile,
      billing,
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
