import type { Logger } from '../platform/index.js';
import type { RoutersService } from '../network/index.js';
import type { TenantService } from '../tenant/index.js';
import { DEMO_PACKAGES } from './demo-town.js';
import { startDialers } from './routeros-simulator/dialers.js';
import { startRouterOsServer, type RouterOsServer } from './routeros-simulator/routeros-simulator.js';

/** The demo town's router as the console knows it: on loopback, at the port its simulator had last time. */
export const DEMO_ROUTER = { name: 'MikroTik Pusat', host: '127.0.0.1', apiPort: 18728, username: 'rrnet-api', password: 'demo-password' } as const;

/**
 * The routers of demo data: simulated MikroTiks on loopback that speak the real API, with their
 * customers' routers dialling in, so isolir, reconnection, the router's sessions and the
 * provisioning of accounts can be tried end to end without hardware (`npm run web -- --demo`, or
 * "isi data contoh" on the first-run screen). A simulator keeps its menus in memory: after a
 * restart the console's reconciler finds the accounts missing and puts them back.
 *
 * The demo router is the one with the demo's name and user on loopback: a router an ISP added
 * itself is never taken over (no ISP reaches a MikroTik on 127.0.0.1).
 */
export class DemoRouters {
  private readonly running = new Map<string, Promise<RouterOsServer | null>>();
  private readonly dialers: { stop(): void }[] = [];

  constructor(
    private readonly tenants: TenantService,
    private readonly routers: RoutersService,
    private readonly log: Logger,
  ) {}

  /** Starts the simulator of every tenant's demo router (at the core's start). */
  startAll(): void {
    const tenantId = this.tenants.primaryId();
    if (tenantId !== null) void this.ensure(tenantId);
  }

  /** The tenant's demo router answers: its simulator started (once), the router's port updated if it had to move. */
  ensure(tenantId: string): Promise<RouterOsServer | null> {
    const router = this.routers.list(tenantId).find((r) => r.name === DEMO_ROUTER.name && r.username === DEMO_ROUTER.username && r.host === DEMO_ROUTER.host);
    if (!router) return Promise.resolve(null);
    let started = this.running.get(router.id);
    if (!started) {
      started = this.start(tenantId, router.id, router.apiPort);
      this.running.set(router.id, started);
    }
    return started;
  }

  private async start(tenantId: string, routerId: string, port: number): Promise<RouterOsServer | null> {
    const options = { users: [{ name: DEMO_ROUTER.username, password: DEMO_ROUTER.password, group: 'full' as const }], identity: DEMO_ROUTER.name, recordCommands: false };
    try {
      // Its own port again if it is free, so the console's queued work reaches it; another one if not.
      const server = await startRouterOsServer({ ...options, port }).catch(() => startRouterOsServer(options));
      if (server.port !== port) this.routers.update(tenantId, { id: routerId, apiPort: server.port });
      // As if "Siapkan router" had been run on it: the packages' profiles and the isolir profile are there.
      server.seed('/ppp/profile', [...DEMO_PACKAGES.map((p) => ({ name: p.routerProfile })), { name: 'isolir' }]);
      this.dialers.push(startDialers(server));
      return server;
    } catch (error) {
      this.log.warn('the demo router could not start', { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  async close(): Promise<void> {
    for (const dialer of this.dialers) dialer.stop();
    const servers = await Promise.all(this.running.values());
    await Promise.all(servers.map((server) => server?.close()));
    this.running.clear();
  }
}
