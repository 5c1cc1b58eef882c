/**
 * The billing section of `npm run bench` (issue 9's targets), in a process of its own:
 * - generation: this month's invoices for the main bench's 50,000 seeded customers (its data folder
 *   is the argument), on a clock set to the 28th so every billing day (1..28) has come, with the
 *   tenant invoicing deactivated customers too so the count is all of them; then the rerun, which
 *   must make nothing. Through the generator service (the contract method is one call around it).
 * - reconnect after payment: a customer the billing policy isolated pays, timed from the
 *   billing.payments.record call until the wire server (test/support/routeros-server.ts, 20 ms round
 *   trip, in this process so it is seen the moment it happens) no longer has the customer's session.
 * Prints one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../main/secrets/index.js';
import { startRouterOsServer } from '../test/support/routeros-server.js';
import { call, createBenchCore } from './bench-core.js';
import { round, stats } from './stats.js';

const ROUND_TRIP_MS = 20;
const RECONNECT_RUNS = 30;
const TARGETS = { generateMs: 2_000, rerunMs: 500, reconnectP50Ms: 100 };

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function generation(dataDir: string) {
  const now = new Date();
  // 09:00 WIB on the 28th of this month, moving on with real time from there.
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 28, 2, 0);
  const started = Date.now();
  const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)), clock: { now: () => base + (Date.now() - started) } });
  try {
    const tenantId = core.services.tenants.primaryId() ?? '';
    core.services.billingSettings.update(tenantId, { invoiceInactive: true }, null);
    const customers = core.db.prepare('SELECT COUNT(*) FROM customers WHERE tenant_id = ?').pluck().get(tenantId) as number;
    progress(`billing: generating this month's invoices for ${customers} customers`);
    let t = performance.now();
    const first = core.services.invoiceGenerator.generate(tenantId, 'manual', null);
    const generateMs = performance.now() - t;
    t = performance.now();
    const rerun = core.services.invoiceGenerator.generate(tenantId, 'manual', null);
    const rerunMs = performance.now() - t;
    return { customers, generate: { ms: round(generateMs), created: first.created }, rerun: { ms: round(rerunMs), created: rerun.created } };
  } finally {
    await core.close();
  }
}

async function reconnects() {
  const bench = await createBenchCore('billing');
  const router = await startRouterOsServer({ version: '7.18', roundTripMs: ROUND_TRIP_MS });
  const { core, session, tenantId } = bench;
  try {
    router.seed('/ppp/profile', [{ name: 'paket-10' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [{ name: 'bayar.1', password: 'x', profile: 'paket-10', service: 'pppoe' }]);
    const pkg = await call<{ id: string }>(core, session, 'packages.create', { name: 'Paket 10', price: 150_000, routerProfile: 'paket-10', rateLimit: '10M/10M' });
    const routerId = (await call<{ id: string }>(core, session, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' })).id;
    const customer = await call<{ id: string }>(core, session, 'customers.create', { name: 'Pelanggan Bayar', phone: '081234567890', packageId: pkg.id, routerId, username: 'bayar.1', billingDay: 1 });
    await call(core, session, 'billing.invoices.create', { requestKey: 'bench-invoice-1', customerId: customer.id, lines: [{ kind: 'charge', description: 'Paket 10', amount: 150_000 }] });
    const status = core.db.prepare('SELECT status FROM customers WHERE id = ?').pluck();
    const until = async (want: string) => {
      while (status.get(customer.id) !== want) await sleep(2);
    };
    await core.bus.drain();
    progress(`billing: ${RECONNECT_RUNS} reconnects after a payment at ${ROUND_TRIP_MS} ms round trip`);
    const times: number[] = [];
    for (let i = 0; i < RECONNECT_RUNS; i++) {
      core.services.isolir.request(tenantId, { kind: 'isolate', customerIds: [customer.id], reason: 'bench', source: 'policy', requestedBy: null });
      await until('isolated');
      router.seed('/ppp/active', [{ name: 'bayar.1', service: 'pppoe', address: '10.99.0.7' }]);
      const start = performance.now();
      // The first pays the invoice; the rest are credit top-ups: nothing is past due, so each reconnects.
      const paid = await call<{ reconnect: string }>(core, session, 'billing.payments.record', {
        requestKey: `bench-payment-${i}`,
        customerId: customer.id,
        amount: i === 0 ? 150_000 : 1_000,
        method: 'cash',
      });
      if (paid.reconnect !== 'requested') throw new Error(`payment ${i} did not reconnect: ${paid.reconnect}`);
      while (router.table('/ppp/active').some((s) => s.name === 'bayar.1')) await sleep(1);
      times.push(performance.now() - start);
      await until('active');
    }
    return { roundTripMs: ROUND_TRIP_MS, runs: RECONNECT_RUNS, ...stats(times) };
  } finally {
    await bench.close();
    await router.close();
  }
}

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: billing-bench.ts <data folder with seeded customers>');
  const gen = await generation(dataDir);
  const reconnect = await reconnects();
  return {
    ...gen,
    reconnectAfterPayment: reconnect,
    targets: TARGETS,
    met: {
      allInvoiced: gen.generate.created === gen.customers,
      generate: gen.generate.ms < TARGETS.generateMs,
      rerunCreatesNothing: gen.rerun.created === 0,
      rerun: gen.rerun.ms < TARGETS.rerunMs,
      reconnectP50: reconnect.p50 < TARGETS.reconnectP50Ms,
    },
  };
}

process.stdout.write(JSON.stringify(await main()));
