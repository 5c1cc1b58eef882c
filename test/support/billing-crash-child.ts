/**
 * Child process of test/integration/billing-crash.test.ts, killed with SIGKILL in the middle of
 * billing's work:
 *
 *   node --import tsx test/support/billing-crash-child.ts <dataDir> <clockMs> <work> <customers> <pause> [routerHost routerPort]
 *
 * - An empty data folder gets a tenant (WIB), a package and `customers` customers (on the router,
 *   the wire server in the test's process, when one is given).
 * - work: `generate` enqueues the monthly generation (a job, as the 00:05 schedule does), `scan` the
 *   daily loop scan for the clock's day (as the 08:00 schedule does), `resume` nothing: only what
 *   the start-up takes back from a run a kill interrupted.
 * - pause `hold`: inside the work's transaction (the generation's first chunk, the scan's isolir
 *   request), prints "mid-run" and blocks the thread, so the test's SIGKILL lands there, before the
 *   commit, every time; `go` runs through.
 * Prints "ready" once the core is up, and "done" (exit 0) when no billing or isolir job is left to
 * run and no isolation is pending.
 */
import { createCore } from '../../main/core/index.js';
import { BILLING_GENERATE_JOB } from '../../main/billing/index.js';
import { LOOP_SCAN_JOB } from '../../main/billing/loop-scan.js';
import { createSecretBox, loadOrCreateKeyFile } from '../../main/secrets/index.js';
import { createOwner, ok, pinnedClock } from './core-fixture.js';
import { createPackage } from './customers.js';
import { seedCustomers } from './billing.js';

const [dataDir, clockMs, work, count, pause, host, port] = process.argv.slice(2);
if (!dataDir || !clockMs || !work || !count || !pause) {
  console.error('usage: node --import tsx test/support/billing-crash-child.ts <dataDir> <clockMs> <generate|scan|resume> <customers> <hold|go> [routerHost routerPort]');
  process.exit(2);
}

const say = (line: string) => process.stdout.write(`${line}\n`);
/** Stdout to a pipe is written synchronously on Linux: the line is out before the thread blocks. */
function holdForKill(): void {
  say('mid-run');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  // Never killed: the test failed elsewhere; do not linger.
  process.exit(3);
}

const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)), clock: pinnedClock(Number(clockMs)) });

let tenantId = core.services.tenants.primaryId();
if (tenantId === null) {
  const owner = await createOwner(core);
  tenantId = owner.tenantId;
  core.services.tenants.applySubscription(tenantId, { plan: 'pro', addons: [], status: 'active' });
  const routerId = host && port ? (await ok(core, 'routers.create', { name: 'Pusat', host, apiPort: Number(port), username: 'admin', password: 'rahasia', isolirMethod: 'pppoe-profile' }, owner.token)).id : null;
  const packageId = await createPackage(core, owner.token);
  seedCustomers(core, tenantId, packageId, Number(count), { billingDay: () => 1, routerId });
}

if (pause === 'hold') {
  // A live subscriber hears the generation's progress synchronously, from inside its transaction.
  core.bus.subscribe('crash-probe', (e) => (e.name === 'billing_progress' ? holdForKill() : undefined), { durable: false });
  // The scan's isolation request, written in the scan's transaction: hold once it is made, before the commit.
  const isolir = core.services.isolir;
  const request = isolir.request.bind(isolir);
  isolir.request = (...args) => {
    const result = request(...args);
    holdForKill();
    return result;
  };
}

if (work === 'generate') core.jobs.enqueue({ type: BILLING_GENERATE_JOB, tenantId, payload: { tenantId, slot: Number(clockMs) }, key: `crash-generate-${clockMs}` });
if (work === 'scan') core.jobs.enqueue({ type: LOOP_SCAN_JOB, tenantId, payload: { tenantId, slot: Number(clockMs) }, key: `crash-scan-${clockMs}` });
say('ready');

const unfinished = core.db
  .prepare(`SELECT (SELECT COUNT(*) FROM jobs WHERE type IN (?, ?, 'isolir.apply') AND status IN ('queued', 'running')) + (SELECT COUNT(*) FROM isolir_actions WHERE status = 'pending')`)
  .pluck();
const timer = setInterval(() => {
  if (unfinished.get(BILLING_GENERATE_JOB, LOOP_SCAN_JOB) !== 0) return;
  clearInterval(timer);
  void core.close().then(() => {
    say('done');
    process.exit(0);
  });
}, 50);
