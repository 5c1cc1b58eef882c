/**
 * The RouterOS section of `npm run bench`: isolir through the whole core (the contract call, the
 * durable job per request, the RouterOS executor, the kept connections with their in-flight bound)
 * against the wire server (test/support/routeros-server.ts) answering each command after a 20 ms
 * round trip, as a router across town does. Measured: one reconnect (package profile back and the
 * session removed), 200 isolations on one router, 1,000 across five; each from the call until the
 * router confirmed every one and the console recorded it, with the core's CPU time for each run. The
 * routers run in a process of their own (bench/routeros-routers.ts), as real ones are other machines.
 * Runs in its own process; prints one JSON object.
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Core } from '../main/core/index.js';
import { DEFAULT_CONNECTIONS } from '../main/network/adapters/routeros/index.js';
import { benchUsername, type RouterCheck, type RoutersRequest } from './routeros-routers.js';
import { call, createBenchCore } from './bench-core.js';
import { round, stats } from './stats.js';

const ROUND_TRIP_MS = 20;
const RECONNECT_RUNS = 30;
const ROUTERS = 5;
const PER_ROUTER = 200;
const TARGETS = { reconnectP50Ms: 80, isolations200OneRouterMs: 2_000, isolations1000FiveRoutersMs: 3_000 };

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The stand-in routers' process (bench/routeros-routers.ts): one request at a time, answered in order. */
function startRouters() {
  const child = fork(fileURLToPath(new URL('./routeros-routers.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let queue = Promise.resolve<unknown>(null);
  const ask = <T>(request: RoutersRequest): Promise<T> => {
    const answer = queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          child.once('message', (reply: { ok: true; value: T } | { ok: false; error: string }) => (reply.ok ? resolve(reply.value) : reject(new Error(reply.error))));
          child.send(request);
        }),
    );
    queue = answer.catch(() => null);
    return answer;
  };
  return {
    start: () => ask<{ host: string; port: number }[]>({ op: 'start', count: ROUTERS, perRouter: PER_ROUTER, roundTripMs: ROUND_TRIP_MS }),
    /** Everyone on the router online again, as before an isolation run (each isolation also removes a session). */
    online: (router: number) => ask<null>({ op: 'online', router }),
    check: (router: number, profile: string) => ask<RouterCheck>({ op: 'check', router, profile }),
    close: () => child.disconnect(),
  };
}

async function setUp(core: Core, session: string, tenantId: string, index: number, at: { host: string; port: number }, packageId: string): Promise<string[]> {
  const router = await call<{ id: string }>(core, session, 'routers.create', {
    name: `Router ${index}`,
    host: at.host,
    apiPort: at.port,
    username: 'admin',
    password: 'rahasia',
  });
  const customerIds: string[] = [];
  core.db.transaction(() => {
    for (let i = 0; i < PER_ROUTER; i++) {
      const n = index * PER_ROUTER + i;
      const customer = core.services.customers.create(tenantId, {
        name: `Pelanggan ${n}`,
        phone: `+62813${String(10_000_000 + n)}`,
        packageId,
        username: benchUsername(index, i),
        billingDay: 1 + (n % 28),
        address: '',
        latitude: null,
        longitude: null,
        routerId: router.id,
        serviceType: 'pppoe',
        notes: '',
      });
      customerIds.push(customer.id);
    }
  })();
  return customerIds;
}

/** The new customers' accounts were just synced to their routers (provisioning): isolir is timed after that, not beside it. */
async function provisioningSettled(core: Core): Promise<void> {
  await core.bus.drain();
  const pending = core.db.prepare(`SELECT COUNT(*) FROM provisioning_states WHERE status = 'pending'`).pluck();
  while ((pending.get() as number) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** From the request until every router confirmed and the console recorded each one. */
async function timed(core: Core, session: string, kind: 'isolate' | 'reconnect', ids: readonly string[]): Promise<number> {
  const start = performance.now();
  if (ids.length <= 500) {
    await call(core, session, kind === 'isolate' ? 'isolir.isolate' : 'isolir.reconnect', { customerIds: ids, reason: 'bench' });
  } else {
    // More than a screen sends at once: as the billing policy's daily scan asks, through the isolir face.
    const tenantId = core.services.tenants.primaryId() ?? '';
    core.services.isolir.request(tenantId, { kind, customerIds: ids, reason: 'bench', source: 'policy', requestedBy: null });
  }
  // The core's worker runs the jobs; waiting for the whole queue would also wait for the WhatsApp
  // notices these changes queue, which go out at the tenant's pace (10 a second), not the router's.
  const want = kind === 'isolate' ? 'isolated' : 'active';
  const confirmed = core.db.prepare(`SELECT COUNT(*) FROM customers WHERE status = ? AND id IN (SELECT value FROM json_each(?))`).pluck();
  const list = JSON.stringify(ids);
  while ((confirmed.get(want, list) as number) < ids.length) {
    if (performance.now() - start > 120_000) throw new Error(`${kind}: ${String(confirmed.get(want, list))} of ${ids.length} confirmed after 2 minutes`);
    // One request is timed to the millisecond; a thousand are looked at seldom enough not to take the core's CPU.
    await new Promise((resolve) => setTimeout(resolve, ids.length === 1 ? 1 : 20));
  }
  return performance.now() - start;
}

/** The core process's CPU time (user + system) over `work`, in ms: what a run costs the console, beside how long it took. */
async function withCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(before);
  return { value, cpuMs: round((used.user + used.system) / 1000) };
}

async function main() {
  const bench = await createBenchCore('routeros');
  const { core, session, tenantId } = bench;
  const routers = startRouters();
  try {
    const pkg = await call<{ id: string }>(core, session, 'packages.create', { name: 'Paket 10', price: 150_000, routerProfile: 'paket-10', rateLimit: '10M/10M' });
    const addresses = await routers.start();
    const customers: string[][] = [];
    for (const [i, at] of addresses.entries()) customers.push(await setUp(core, session, tenantId, i, at, pkg.id));
    await provisioningSettled(core);
    const one = customers[0] ?? [];
    const first = one[0] ?? '';
    /** Every router has every customer in `profile` with no session left; returns the most commands one router had in flight. */
    const checkRouters = async (indexes: readonly number[], profile: string): Promise<number> => {
      const checks = await Promise.all(indexes.map((i) => routers.check(i, profile)));
      if (checks.some((c) => c.wrongProfile > 0)) throw new Error(`a router does not have profile ${profile} everywhere`);
      if (checks.some((c) => c.sessionsLeft > 0)) throw new Error('a session was not removed');
      return Math.max(...checks.map((c) => c.maxInFlight));
    };

    progress(`RouterOS: one reconnect at ${ROUND_TRIP_MS} ms round trip (${RECONNECT_RUNS} runs, through the isolir job)`);
    const reconnects: number[] = [];
    await routers.online(0);
    await timed(core, session, 'isolate', [first]);
    for (let i = 0; i < RECONNECT_RUNS; i++) {
      await routers.online(0);
      reconnects.push(await timed(core, session, 'reconnect', [first]));
      await timed(core, session, 'isolate', [first]);
    }
    await timed(core, session, 'reconnect', [first]);

    progress('RouterOS: 200 isolations on one router, then 1,000 across five');
    await routers.online(0);
    const oneRun = await withCpu(() => timed(core, session, 'isolate', one));
    const oneMax = await checkRouters([0], 'isolir');
    await timed(core, session, 'reconnect', one);
    for (const i of addresses.keys()) await routers.online(i);
    const fiveRun = await withCpu(() => timed(core, session, 'isolate', customers.flat()));
    const fiveMax = await checkRouters([...addresses.keys()], 'isolir');
    const reconnect = stats(reconnects);
    return {
      roundTripMs: ROUND_TRIP_MS,
      maxInFlightBound: DEFAULT_CONNECTIONS.maxInFlight,
      reconnect,
      // cpuMs: the core process's CPU time (the routers run in their own process).
      isolations200OneRouter: { ms: round(oneRun.value), cpuMs: oneRun.cpuMs, maxInFlight: oneMax },
      isolations1000FiveRouters: { ms: round(fiveRun.value), cpuMs: fiveRun.cpuMs, maxInFlightPerRouter: fiveMax },
      targets: TARGETS,
      met: {
        reconnectP50: reconnect.p50 < TARGETS.reconnectP50Ms,
        isolations200OneRouter: oneRun.value < TARGETS.isolations200OneRouterMs,
        isolations1000FiveRouters: fiveRun.value < TARGETS.isolations1000FiveRoutersMs,
        boundHeld: Math.max(oneMax, fiveMax) <= DEFAULT_CONNECTIONS.maxInFlight,
      },
    };
  } finally {
    await bench.close();
    routers.close();
  }
}

process.stdout.write(JSON.stringify(await main()));
