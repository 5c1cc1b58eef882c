/**
 * The stand-in routers of the RouterOS bench, in a process of their own: a router is another
 * machine, so its work must not eat the CPU the core's figures are measured with. Spawned by
 * bench/routeros-bench.ts with an IPC channel; each message is one request, answered in order:
 *
 *   { op: 'start', count, perRouter, roundTripMs } -> [{ host, port }]   (routers with profiles and secrets)
 *   { op: 'online', router }                       -> null               (every customer of the router online again)
 *   { op: 'check', router, profile }               -> { wrongProfile, sessionsLeft, maxInFlight }
 */
import { startRouterOsServer, type RouterOsServer } from '../test/support/routeros-server.js';

export type RoutersRequest =
  | { op: 'start'; count: number; perRouter: number; roundTripMs: number }
  | { op: 'online'; router: number }
  | { op: 'check'; router: number; profile: string };

export interface RouterCheck {
  wrongProfile: number;
  sessionsLeft: number;
  maxInFlight: number;
}

/** The PPP name of customer `i` on router `router`: the bench's customers use the same. */
export const benchUsername = (router: number, i: number) => `r${router}.pel${i}`;

const servers: RouterOsServer[] = [];
let perRouter = 0;

const at = (index: number): RouterOsServer => {
  const server = servers[index];
  if (!server) throw new Error(`no router ${index}`);
  return server;
};

async function handle(request: RoutersRequest): Promise<unknown> {
  switch (request.op) {
    case 'start':
      perRouter = request.perRouter;
      for (let r = 0; r < request.count; r++) {
        const server = await startRouterOsServer({ version: '7.18', roundTripMs: request.roundTripMs });
        server.seed('/ppp/profile', [{ name: 'paket-10' }, { name: 'isolir' }]);
        server.seed('/ppp/secret', Array.from({ length: perRouter }, (_, i) => ({ name: benchUsername(r, i), profile: 'paket-10', service: 'pppoe' })));
        servers.push(server);
      }
      return servers.map((s) => ({ host: s.host, port: s.port }));
    case 'online': {
      const server = at(request.router);
      server.table('/ppp/active').splice(0);
      server.seed(
        '/ppp/active',
        Array.from({ length: perRouter }, (_, i) => ({ name: benchUsername(request.router, i), service: 'pppoe', address: `10.${request.router}.${i >> 8}.${i & 255}` })),
      );
      server.resetMaxInFlight();
      return null;
    }
    case 'check': {
      const server = at(request.router);
      return {
        wrongProfile: server.table('/ppp/secret').filter((row) => row.profile !== request.profile).length,
        sessionsLeft: server.table('/ppp/active').length,
        maxInFlight: server.maxInFlight,
      } satisfies RouterCheck;
    }
  }
}

// Requests are answered one at a time, in the order they came.
let chain = Promise.resolve();
process.on('message', (request: RoutersRequest) => {
  chain = chain.then(async () => {
    try {
      process.send?.({ ok: true, value: await handle(request) });
    } catch (error) {
      process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
// The bench closing the channel is the end: the servers go with this process.
process.on('disconnect', () => process.exit(0));
