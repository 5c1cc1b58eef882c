import { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONNECTIONS, RouterError, RouterOsApi, type RouterConnectionsOptions, type RouterRef } from '../../main/network/adapters/routeros/index.js';
import { apiPort } from '../../main/network/adapters/routeros/routeros-connection.js';
import { translate } from '../../shared/i18n/translate.js';
import { startRouterOsServer, type RouterOsServer, type RouterOsServerOptions } from '../support/routeros-server.js';
import { selfSignedCertificate } from '../support/self-signed.js';

/** Each known trap of node-routeros 1.6.9 (issue 8), and each way a router says no, as the console meets them. */

let server: RouterOsServer | null = null;
let api: RouterOsApi | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  await api?.close();
  await server?.close();
  api = null;
  server = null;
});

async function setUp(options: RouterOsServerOptions = {}, pool: Partial<RouterConnectionsOptions> = {}) {
  server = await startRouterOsServer(options);
  // Generous: a busy CI machine must not turn a slow handshake into a failure; timeout tests set their own.
  api = new RouterOsApi({ ...DEFAULT_CONNECTIONS, connectMs: 5_000, commandMs: 5_000, ...pool });
  const router: RouterRef = { id: 'r1', host: server.host, port: server.port, tls: false, username: 'admin', password: 'rahasia' };
  return { server, api, router };
}

async function failure(promise: Promise<unknown>): Promise<RouterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RouterError);
  return error as RouterError;
}

describe('the node-routeros traps cannot hurt the console', () => {
  it('a print that finds nothing on RouterOS 7.18 (!empty, then !done) is an empty list, not a crash', async () => {
    const { api, router } = await setUp({ version: '7.18' });
    expect(await api.print(router, '/ppp/secret', { name: 'nobody' })).toEqual([]);
    // The connection is still good afterwards: the !done that followed !empty found its command.
    expect(await api.print(router, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
  });

  it('a connection that breaks while idle or busy never surfaces as an unhandled error event', async () => {
    const { server, api, router } = await setUp();
    await api.print(router, '/system/identity');
    server.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Vitest fails the run on any uncaught exception; the next command simply reconnects.
    expect(await api.print(router, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
    expect(server.connections).toBe(2);
  });

  it('TLS means the API-SSL port 8729 unless a port is given, and works with the router\'s self-signed certificate', async () => {
    expect(apiPort({ host: 'r', tls: true, username: 'a', password: 'b' })).toBe(8729);
    expect(apiPort({ host: 'r', tls: false, username: 'a', password: 'b' })).toBe(8728);
    expect(apiPort({ host: 'r', tls: true, port: 18729, username: 'a', password: 'b' })).toBe(18729);
    const { api, router } = await setUp({ tls: selfSignedCertificate() });
    expect(await api.print({ ...router, tls: true }, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
  });

  it('a command leaves as ONE socket write with Nagle off (no delayed-ACK stall per command)', async () => {
    const { server, api, router } = await setUp();
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    await api.print(router, '/system/identity');
    const ours = (sockets: unknown[]) => sockets.filter((socket) => (socket as Socket).remotePort === server.port);
    expect(ours(noDelay.mock.contexts)).toHaveLength(1);
    expect(noDelay.mock.calls[noDelay.mock.contexts.findIndex((socket) => (socket as Socket).remotePort === server.port)]).toEqual([true]);
    // The fake router writes from this process too: count only the console's side of the connection.
    const writes = vi.spyOn(Socket.prototype, 'write');
    await api.set(router, '/ppp/profile', 'isolir', { 'rate-limit': '128k/128k', comment: 'rrnet' }).catch(() => undefined);
    expect(ours(writes.mock.contexts)).toHaveLength(1);
  });

  it('a command in flight when the router drops the connection is rejected, and says it may have been applied', async () => {
    const { server, api, router } = await setUp();
    server.seed('/ppp/secret', [{ name: 'budi', profile: 'paket-10' }]);
    server.failNext(1, 'drop-after-apply', '/ppp/secret/set');
    const error = await failure(api.set(router, '/ppp/secret', 'budi', { profile: 'isolir' }));
    expect(error).toMatchObject({ code: 'UNREACHABLE', mayHaveApplied: true });
    expect(server.table('/ppp/secret')[0]?.profile).toBe('isolir');

    server.failNext(1, 'drop-before-apply', '/ppp/secret/set');
    expect(await failure(api.set(router, '/ppp/secret', 'budi', { profile: 'paket-10' }))).toMatchObject({ code: 'UNREACHABLE', mayHaveApplied: true });
    expect(server.table('/ppp/secret')[0]?.profile).toBe('isolir');
  });

  it('a !fatal from the router ends the session: the commands in flight are rejected, the next one reconnects', async () => {
    const { server, api, router } = await setUp();
    server.failNext(1, 'silent', '/ppp/active');
    const waiting = api.print(router, '/ppp/active');
    server.failNext(1, 'fatal', '/ppp/secret');
    expect(await failure(api.print(router, '/ppp/secret'))).toMatchObject({ code: 'UNREACHABLE', mayHaveApplied: true });
    expect(await failure(waiting)).toMatchObject({ code: 'UNREACHABLE', mayHaveApplied: true });
    expect(await api.print(router, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
    expect(server.connections).toBe(2);
  });

  it('a slow router: an answer later than the command timeout is TIMEOUT, one within it is taken', async () => {
    const { server, api, router } = await setUp({}, { commandMs: 1_000 });
    server.setCommandDelay(3_000);
    expect(await failure(api.print(router, '/system/identity'))).toMatchObject({ code: 'TIMEOUT' });
    server.setCommandDelay(20);
    expect(await api.print(router, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
  });

  it('a router that goes silent fails the command with TIMEOUT after the milliseconds asked for', async () => {
    // 300 ms: read as seconds (the library's unit) this would wait five minutes and the test would time out.
    const { server, api, router } = await setUp({}, { commandMs: 300 });
    server.failNext(1, 'silent');
    expect(await failure(api.print(router, '/ppp/active'))).toMatchObject({ code: 'TIMEOUT', mayHaveApplied: true });
    // The silent connection is dropped; the next command gets a fresh one.
    expect(await api.print(router, '/system/identity')).toEqual([{ name: 'MikroTik' }]);
  });

  it('reads replies split at any byte across TCP reads (the library\'s own parser lost its place and hung)', async () => {
    for (const chunkBytes of [1, 2, 3, 7, 11, 64, 1_400]) {
      // A piece per event-loop turn is slow on a busy machine: the command timeout is not what is tested here.
      const { server: fake, api: client, router } = await setUp({ chunkBytes }, { commandMs: 20_000 });
      // Comments of 0 to 199 characters: one- and two-byte lengths, words ending anywhere.
      fake.seed('/ppp/secret', Array.from({ length: chunkBytes < 8 ? 12 : 200 }, (_, i) => ({ name: `pel${i}`, comment: 'x'.repeat((i * 37) % 200) })));
      const [all, none, identity] = await Promise.all([client.print(router, '/ppp/secret'), client.print(router, '/ppp/secret', { name: 'nobody' }), client.print(router, '/system/identity')]);
      expect(all.map((row) => row.comment?.length)).toEqual(fake.table('/ppp/secret').map((row) => row.comment?.length));
      expect([none, identity]).toEqual([[], [{ name: 'MikroTik' }]]);
      await client.close();
      await fake.close();
      server = null;
    }
  });

  it('reads a reconciler-sized print (2,000 secrets) arriving in MTU-sized pieces', async () => {
    const { server, api, router } = await setUp({ chunkBytes: 1_400 }, { commandMs: 20_000 });
    server.seed('/ppp/secret', Array.from({ length: 2_000 }, (_, i) => ({ name: `pel${i}`, password: `pw${i}`, profile: i % 10 ? 'paket-10' : 'isolir', service: 'pppoe', comment: `rrnet:cust-${i}` })));
    const rows = await api.print(router, '/ppp/secret', {}, ['.id', 'name', 'profile', 'disabled', 'comment']);
    expect(rows).toHaveLength(2_000);
    expect(rows[1_999]).toMatchObject({ name: 'pel1999', profile: 'paket-10', comment: 'rrnet:cust-1999' });
  });

  it('reads the router date of RouterOS 7.10+ (2023-07-14) and of older versions (jul/14/2023) alike', async () => {
    for (const version of ['6.49', '7.10', '7.18'] as const) {
      const { api, router } = await setUp({ version });
      expect((await api.health(router)).routerDate).toBe('2023-07-14');
      await api.close();
      await server?.close();
      server = null;
    }
  });
});

describe('router failures are classified into stable codes with plain words', () => {
  it('UNREACHABLE: nothing listens at that address and port', async () => {
    const { server, api, router } = await setUp();
    await server.setFault('down');
    expect(await failure(api.print(router, '/system/identity'))).toMatchObject({ code: 'UNREACHABLE', mayHaveApplied: false });
  });

  it('AUTH_FAILED: a wrong password, on 6.43+ logins and on the old challenge', async () => {
    for (const version of ['6.42', '7.18'] as const) {
      const { api, router } = await setUp({ version });
      expect(await failure(api.print({ ...router, password: 'salah' }, '/system/identity'))).toMatchObject({ code: 'AUTH_FAILED' });
      await api.close();
      await server?.close();
      server = null;
    }
  });

  it('API_DISABLED: the router closes the connection at once', async () => {
    const { server, api, router } = await setUp();
    await server.setFault('api-disabled');
    expect(await failure(api.print(router, '/system/identity'))).toMatchObject({ code: 'API_DISABLED' });
  });

  it('NOT_ALLOWED: the router accepts the connection and never answers the login (an address outside "available from")', async () => {
    const { server, api, router } = await setUp({}, { connectMs: 1_000 });
    await server.setFault('not-allowed');
    expect(await failure(api.print(router, '/system/identity'))).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('NO_WRITE_RIGHTS: a read-only user tries to change something', async () => {
    const { api, router } = await setUp({ users: [{ name: 'lihat', password: 'baca', group: 'read' }] });
    const reader = { ...router, username: 'lihat', password: 'baca' };
    expect(await api.print(reader, '/ppp/secret')).toEqual([]);
    expect(await failure(api.add(reader, '/ppp/secret', { name: 'budi' }))).toMatchObject({ code: 'NO_WRITE_RIGHTS' });
  });

  it('COMMAND_FAILED: a !trap, with the router\'s message kept', async () => {
    const { api, router } = await setUp();
    const error = await failure(api.remove(router, '/ppp/secret', '*99'));
    expect(error).toMatchObject({ code: 'COMMAND_FAILED', detail: 'no such item', mayHaveApplied: false });
    expect(translate('id', error.messageKey, { detail: error.detail })).toBe('Router menolak perintah: no such item');
  });

  it('every code has a plain Indonesian and English text', async () => {
    const { ROUTER_ERROR_CODES } = await import('../../main/network/adapters/routeros/router-error.js');
    for (const code of ROUTER_ERROR_CODES) {
      for (const locale of ['id', 'en'] as const) expect(translate(locale, `routeros.${code}`)).not.toBe(`routeros.${code}`);
    }
    expect(translate('id', 'routeros.NOT_ALLOWED')).toContain('Available From');
  });
});

describe('test connection, health and live sessions', () => {
  it('answers reachable, identity, version and write rights for a full user', async () => {
    const { api, router } = await setUp({ version: '7.10', identity: 'RB-Kantor' });
    expect(await api.testConnection(router)).toEqual({ ok: true, port: router.port, identity: 'RB-Kantor', version: '7.10.1 (stable)', writeRights: true });
  });

  it('says a read-only user has no write rights, and gives the failure as a value', async () => {
    const { server, api, router } = await setUp({ users: [{ name: 'lihat', password: 'baca', group: 'read' }] });
    expect(await api.testConnection({ ...router, username: 'lihat', password: 'baca' })).toMatchObject({ ok: true, writeRights: false });
    const refused = await api.testConnection({ ...router, username: 'lihat', password: 'salah' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    // Neither test left a connection open on the router.
    while (server.openConnections > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  });

  it('reports health: identity, version, CPU, uptime and active PPPoE / hotspot counts', async () => {
    const { server, api, router } = await setUp({ version: '6.49', identity: 'hEX-RW05', cpuLoad: 12, uptime: '2d3h4m5s' });
    server.seed('/ppp/active', [
      { name: 'andi', service: 'pppoe', 'caller-id': 'AA:BB:CC:00:00:01', address: '10.10.0.2', uptime: '1h2m3s' },
      { name: 'budi', service: 'pppoe', 'caller-id': 'AA:BB:CC:00:00:02', address: '10.10.0.3', uptime: '5m' },
    ]);
    server.seed('/ip/hotspot/active', [{ user: 'voucher1', address: '10.5.0.9', 'mac-address': 'DE:AD:BE:EF:00:01', uptime: '30m' }]);
    expect(await api.health(router)).toEqual({
      identity: 'hEX-RW05',
      version: '6.49 (stable)',
      cpuLoadPercent: 12,
      uptimeSeconds: 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5,
      routerDate: '2023-07-14',
      pppoeActive: 2,
      hotspotActive: 1,
    });
    const sessions = await api.activeSessions(router);
    expect(sessions).toEqual([
      { kind: 'pppoe', id: expect.any(String), name: 'andi', address: '10.10.0.2', uptimeSeconds: 3_723, callerId: 'AA:BB:CC:00:00:01' },
      { kind: 'pppoe', id: expect.any(String), name: 'budi', address: '10.10.0.3', uptimeSeconds: 300, callerId: 'AA:BB:CC:00:00:02' },
      { kind: 'hotspot', id: expect.any(String), name: 'voucher1', address: '10.5.0.9', uptimeSeconds: 1_800, callerId: 'DE:AD:BE:EF:00:01' },
    ]);
    // Kicking a session is removing it by its id.
    await api.remove(router, '/ppp/active', sessions[0]?.id ?? '');
    expect(server.table('/ppp/active').map((r) => r.name)).toEqual(['budi']);
  });

  it('refuses a menu or attribute name that is not RouterOS syntax before sending anything', async () => {
    const { server, api, router } = await setUp();
    expect(await failure(api.print(router, 'ppp secret'))).toMatchObject({ code: 'COMMAND_FAILED' });
    expect(await failure(api.add(router, '/ppp/secret', { 'name=x': 'y' }))).toMatchObject({ code: 'COMMAND_FAILED' });
    expect(server.received).toEqual([]);
  });
});
