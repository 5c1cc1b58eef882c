/**
 * The RouterOS section of `npm run bench`, against the wire server (test/support/routeros-server.ts)
 * with a 20 ms round trip per reply, as a router across town is: one reconnect (the package profile
 * set back, then the active session removed so it takes effect), 200 isolations on one router and
 * 1,000 across five, through the console's client and its kept connections with the in-flight
 * bound. The isolations here are the bare router commands each isolation makes (profile swap +
 * session removal); the isolir jobs around them are measured where they are built.
 * Runs in its own process; prints one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONNECTIONS, RouterOsApi, type RouterRef } from '../main/network/adapters/routeros/index.js';
import { startRouterOsServer, type RouterOsServer } from '../test/support/routeros-server.js';
import { round, stats } from './stats.js';

const ROUND_TRIP_MS = 20;
const RECONNECT_RUNS = 50;
const TARGETS = { reconnectP50Ms: 80, isolations200OneRouterMs: 2_000, isolations1000FiveRoutersMs: 3_000 };

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function router(index: number, customers: number): Promise<{ server: RouterOsServer; ref: RouterRef }> {
  const server = await startRouterOsServer({ version: '7.18', roundTripMs: ROUND_TRIP_MS });
  server.seed('/ppp/profile', [{ name: 'paket-10' }, { name: 'isolir' }]);
  server.seed('/ppp/secret', Array.from({ length: customers }, (_, i) => ({ name: `pel${i}`, profile: 'paket-10', service: 'pppoe' })));
  return { server, ref: { id: `router-${index}`, host: server.host, port: server.port, tls: false, username: 'admin', password: 'rahasia' } };
}

function sessions(server: RouterOsServer, customers: number): void {
  server.table('/ppp/active').splice(0);
  server.seed('/ppp/active', Array.from({ length: customers }, (_, i) => ({ name: `pel${i}`, service: 'pppoe', address: `10.10.${i >> 8}.${i & 255}` })));
}

/**
 * What one isolation (or reconnection) asks of the router: the new profile, then the session kicked
 * so it takes effect. The session is looked up while the profile is set (two round trips, not three).
 */
async function swapAndKick(api: RouterOsApi, ref: RouterRef, name: string, profile: string): Promise<void> {
  const [, [active]] = await Promise.all([api.set(ref, '/ppp/secret', name, { profile }), api.print(ref, '/ppp/active', { name }, ['.id'])]);
  if (active?.['.id']) await api.remove(ref, '/ppp/active', active['.id']);
}

async function isolateAll(api: RouterOsApi, routers: { server: RouterOsServer; ref: RouterRef }[], perRouter: number) {
  for (const r of routers) {
    sessions(r.server, perRouter);
    r.server.resetMaxInFlight();
  }
  const start = performance.now();
  await Promise.all(routers.flatMap((r) => Array.from({ length: perRouter }, (_, i) => swapAndKick(api, r.ref, `pel${i}`, 'isolir'))));
  const ms = performance.now() - start;
  for (const r of routers) {
    if (r.server.table('/ppp/secret').some((row) => row.profile !== 'isolir')) throw new Error('an isolation was not applied');
    if (r.server.table('/ppp/active').length !== 0) throw new Error('a session was not removed');
  }
  return { ms: round(ms), commands: perRouter * routers.length * 3, maxInFlightPerRouter: Math.max(...routers.map((r) => r.server.maxInFlight)) };
}

async function main() {
  const api = new RouterOsApi(DEFAULT_CONNECTIONS);
  const routers = await Promise.all(Array.from({ length: 5 }, (_, i) => router(i, 200)));
  const [one] = routers as [(typeof routers)[number]];
  try {
    progress(`RouterOS: one reconnect at ${ROUND_TRIP_MS} ms round trip (${RECONNECT_RUNS} runs, kept connection)`);
    await api.print(one.ref, '/system/identity');
    const reconnects: number[] = [];
    for (let i = 0; i < RECONNECT_RUNS; i++) {
      sessions(one.server, 1);
      const started = performance.now();
      await swapAndKick(api, one.ref, 'pel0', 'paket-10');
      reconnects.push(performance.now() - started);
    }
    progress('RouterOS: 200 commands at once on one router, 200 isolations on one router, then 1,000 across five');
    one.server.resetMaxInFlight();
    const started = performance.now();
    await Promise.all(Array.from({ length: 200 }, (_, i) => api.set(one.ref, '/ppp/secret', `pel${i}`, { comment: `bench ${i}` })));
    const commands200 = { ms: round(performance.now() - started), maxInFlight: one.server.maxInFlight };
    const oneRouter = await isolateAll(api, [one], 200);
    const fiveRouters = await isolateAll(api, routers, 200);
    const reconnect = stats(reconnects);
    return {
      roundTripMs: ROUND_TRIP_MS,
      maxInFlightBound: DEFAULT_CONNECTIONS.maxInFlight,
      reconnect: { ...reconnect, commandsEach: 3 },
      commands200OneRouter: commands200,
      isolations200OneRouter: oneRouter,
      isolations1000FiveRouters: fiveRouters,
      targets: TARGETS,
      met: {
        reconnectP50: reconnect.p50 < TARGETS.reconnectP50Ms,
        isolations200OneRouter: oneRouter.ms < TARGETS.isolations200OneRouterMs,
        isolations1000FiveRouters: fiveRouters.ms < TARGETS.isolations1000FiveRoutersMs,
        boundHeld: Math.max(oneRouter.maxInFlightPerRouter, fiveRouters.maxInFlightPerRouter) <= DEFAULT_CONNECTIONS.maxInFlight,
      },
    };
  } finally {
    await api.close();
    for (const r of routers) await r.server.close();
  }
}

process.stdout.write(JSON.stringify(await main()));
