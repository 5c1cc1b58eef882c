import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTIONS, RouterError, RouterOsApi, type RouterConnectionsOptions, type RouterRef } from '../../main/network/adapters/routeros/index.js';
import { startRouterOsServer, type RouterOsServer, type RouterOsServerOptions } from '../support/routeros-server.js';

/** The kept connections: one per router, reused, bounded in flight, idle-closed, reconnected with backoff. */

let servers: RouterOsServer[] = [];
let api: RouterOsApi | null = null;
let now = 1_000_000;

afterEach(async () => {
  await api?.close();
  for (const server of servers) await server.close();
  servers = [];
  api = null;
});

async function setUp(options: RouterOsServerOptions = {}, pool: Partial<RouterConnectionsOptions> = {}) {
  const server = await startRouterOsServer(options);
  servers.push(server);
  api = new RouterOsApi({ ...DEFAULT_CONNECTIONS, connectMs: 5_000, commandMs: 10_000, now: () => now, ...pool });
  const router: RouterRef = { id: `r${servers.length}`, host: server.host, port: server.port, tls: false, username: 'admin', password: 'rahasia' };
  return { server, api, router };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('RouterConnections', () => {
  it('runs 200 parallel commands on one router over one connection, never more than 8 in flight on the router', async () => {
    const { server, api, router } = await setUp({ roundTripMs: 5 });
    server.seed('/ppp/secret', Array.from({ length: 200 }, (_, i) => ({ name: `pel${i}`, profile: 'paket-10' })));
    await Promise.all(Array.from({ length: 200 }, (_, i) => api.set(router, '/ppp/secret', `pel${i}`, { profile: 'isolir' })));
    expect(server.table('/ppp/secret').every((row) => row.profile === 'isolir')).toBe(true);
    expect(server.received).toHaveLength(200);
    expect(server.maxInFlight).toBe(8);
    expect(server.connections).toBe(1);
  });

  it('keeps the bound per router: two routers each get their own', async () => {
    const first = await setUp({ roundTripMs: 5 }, { maxInFlight: 3 });
    const second = await startRouterOsServer({ roundTripMs: 5 });
    servers.push(second);
    const other: RouterRef = { ...first.router, id: 'r-other', port: second.port };
    await Promise.all(Array.from({ length: 40 }, (_, i) => first.api.print(i % 2 ? first.router : other, '/system/identity')));
    expect([first.server.maxInFlight, second.maxInFlight]).toEqual([3, 3]);
  });

  it('reuses the open connection for later commands and closes it when idle', async () => {
    const { server, api, router } = await setUp({}, { idleMs: 50 });
    await api.print(router, '/system/identity');
    await api.print(router, '/system/resource');
    expect(server.connections).toBe(1);
    await until(() => server.openConnections === 0);
    await api.print(router, '/system/identity');
    expect(server.connections).toBe(2);
  });

  it('after a failed connect, fails at once until the backoff has passed, then connects again', async () => {
    const { server, api, router } = await setUp({}, { backoffBaseMs: 1_000, backoffMaxMs: 4_000 });
    await server.setFault('api-disabled');
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof RouterError ? e.code : 'other'));
    expect(await code(api.print(router, '/system/identity'))).toBe('API_DISABLED');
    expect(server.connections).toBe(1);
    // Within the first second: the same answer without knocking on the router again.
    now += 999;
    expect(await code(api.print(router, '/system/identity'))).toBe('API_DISABLED');
    expect(server.connections).toBe(1);
    now += 1;
    expect(await code(api.print(router, '/system/identity'))).toBe('API_DISABLED');
    expect(server.connections).toBe(2);
    // The second failure doubles the wait.
    await server.setFault(null);
    now += 1_999;
    expect(await code(api.print(router, '/system/identity'))).toBe('API_DISABLED');
    now += 1;
    expect(await code(api.print(router, '/system/identity'))).toBe('ok');
    expect(server.connections).toBe(3);
  });

  it('fails every queued command of a router that cannot be reached, none hangs', async () => {
    const { server, api, router } = await setUp({}, { maxInFlight: 2 });
    await server.setFault('down');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => api.print(router, '/system/identity')));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as RouterError).code === 'UNREACHABLE')).toBe(true);
  });

  it('connects afresh when the router is edited (a new password), not with the old login', async () => {
    const { server, api, router } = await setUp({ users: [{ name: 'admin', password: 'rahasia', group: 'full' }, { name: 'rrnet', password: 'baru', group: 'write' }] });
    await api.print(router, '/system/identity');
    await api.print({ ...router, username: 'rrnet', password: 'baru' }, '/system/identity');
    expect(server.connections).toBe(2);
    expect(server.received.map((c) => c.user)).toEqual(['admin', 'rrnet']);
    await until(() => server.openConnections === 1);
  });

  it('close() rejects the commands still waiting and ends every connection', async () => {
    const { server, api, router } = await setUp({}, { maxInFlight: 1 });
    server.failNext(1, 'silent');
    const waiting = [api.print(router, '/ppp/active'), api.print(router, '/ppp/active')].map((p) => p.then(() => 'ok', (e: unknown) => (e as RouterError).code));
    await until(() => server.inFlight === 1);
    await api.close();
    expect(await Promise.all(waiting)).toEqual(['UNREACHABLE', 'UNREACHABLE']);
    expect(await api.print(router, '/system/identity').catch((e: unknown) => (e as RouterError).code)).toBe('UNREACHABLE');
    await until(() => server.openConnections === 0);
  });
});
