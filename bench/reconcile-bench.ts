/**
 * The reconciler's figure for `npm run bench`: one router with 2,000 PPP secrets (its customers in
 * the console), compared and repaired through the core's contract call ("Periksa sekarang") against
 * the RouterOS wire server answering after a 20 ms round trip. Measured clean (nothing to repair:
 * the read and the comparison) and with 1% drift (20 profiles changed by hand, 5 secrets deleted,
 * each repaired under the customer's lock and logged). Runs in its own process; prints one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { startRouterOsServer } from '../test/support/routeros-server.js';
import { call, createBenchCore } from './bench-core.js';
import { stats } from './stats.js';

const ROUND_TRIP_MS = 20;
const SECRETS = 2_000;
const RUNS = 5;
const TARGETS = { reconcile2000Ms: 2_000 };

interface Reconciled {
  checked: number;
  repaired: number;
  errorCode: string | null;
}

async function main() {
  const bench = await createBenchCore('reconcile');
  const { core, session, tenantId, secrets } = bench;
  const server = await startRouterOsServer({ version: '7.18', roundTripMs: ROUND_TRIP_MS });
  try {
    const pkg = await call<{ id: string }>(core, session, 'packages.create', { name: 'Paket 10', price: 150_000, routerProfile: 'paket-10', rateLimit: '10M/10M' });
    const router = await call<{ id: string }>(core, session, 'routers.create', { name: 'Router', host: server.host, apiPort: server.port, username: 'admin', password: 'rahasia' });
    server.seed('/ppp/profile', [{ name: 'paket-10' }, { name: 'isolir' }]);
    server.seed('/ppp/secret', Array.from({ length: SECRETS }, (_, i) => ({ name: `pel${i}`, password: 'x', profile: 'paket-10', service: 'pppoe' })));
    // As an import brings them (no event per customer): the router already has their secrets.
    core.db.transaction(() => {
      for (let i = 0; i < SECRETS; i++) {
        core.services.customers.insertImported(tenantId, {
          name: `Pelanggan ${i}`,
          phone: `+62813${String(10_000_000 + i)}`,
          packageId: pkg.id,
          username: `pel${i}`,
          billingDay: 1 + (i % 28),
          address: '',
          latitude: null,
          longitude: null,
          routerId: router.id,
          serviceType: 'pppoe',
          notes: '',
          status: 'active',
          sealedPassword: secrets.seal(`sandi-${i}`),
        });
      }
    })();
    const reconcile = async (): Promise<{ ms: number; result: Reconciled }> => {
      const start = performance.now();
      const result = await call<Reconciled>(core, session, 'provisioning.reconcile', { routerId: router.id });
      const ms = performance.now() - start;
      if (result.errorCode !== null) throw new Error(`reconcile: ${result.errorCode}`);
      return { ms, result };
    };

    process.stderr.write(`[bench] reconcile: one router with ${SECRETS} secrets at ${ROUND_TRIP_MS} ms round trip (${RUNS} runs clean, ${RUNS} with 1% drift)\n`);
    await reconcile();
    const clean: number[] = [];
    for (let i = 0; i < RUNS; i++) clean.push((await reconcile()).ms);
    const drifted: number[] = [];
    let repaired = 0;
    for (let run = 0; run < RUNS; run++) {
      const secrets = server.table('/ppp/secret');
      for (let i = 0; i < 20; i++) {
        const row = secrets[(run * 97 + i * 53) % secrets.length];
        if (row) row.profile = 'isolir';
      }
      for (let i = 0; i < 5; i++) secrets.splice((run * 31 + i * 211) % secrets.length, 1);
      const { ms, result } = await reconcile();
      drifted.push(ms);
      repaired = result.repaired;
      if (server.table('/ppp/secret').length !== SECRETS || server.table('/ppp/secret').some((s) => s.profile !== 'paket-10')) throw new Error('drift left unrepaired');
    }
    const cleanStats = stats(clean);
    const driftStats = stats(drifted);
    return {
      roundTripMs: ROUND_TRIP_MS,
      secrets: SECRETS,
      clean: cleanStats,
      onePercentDrift: { ...driftStats, repairedPerRun: repaired },
      targets: TARGETS,
      met: { reconcile2000: Math.max(cleanStats.max, driftStats.max) < TARGETS.reconcile2000Ms },
    };
  } finally {
    await bench.close();
    await server.close();
  }
}

process.stdout.write(JSON.stringify(await main()));
