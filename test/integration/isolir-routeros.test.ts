import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import type { IsolirMethod } from '../../shared/domain/router.js';

/**
 * Isolir through the whole core to a MikroTik: the RouterOS wire server plays the router, the
 * real client (node-routeros, patched) talks to it over a socket, and each test reads what the
 * router has afterwards, as a technician in Winbox would.
 */
describe('isolir on a MikroTik over the RouterOS API', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  async function customerOn(method: IsolirMethod, n = 1, serviceType: 'pppoe' | 'hotspot' = 'pppoe') {
    const routers = await ok(t.core, 'routers.list', {}, owner.token);
    const routerId =
      routers[0]?.id ??
      (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: method }, owner.token)).id;
    const packageId = (await ok(t.core, 'packages.list', {}, owner.token))[0]?.id ?? (await createPackage(t.core, owner.token));
    return (await ok(t.core, 'customers.create', { ...customerInput(packageId, n), routerId, serviceType }, owner.token)).id;
  }

  const secret = (name: string) => router.table('/ppp/secret').find((s) => s.name === name);
  const online = (name: string) => router.table('/ppp/active').filter((s) => s.name === name);
  const setCommands = () => router.received.filter((c) => c.words[0] === '/ppp/secret/set').length;
  const isolate = (ids: string[]) => ok(t.core, 'isolir.isolate', { customerIds: ids, reason: 'Tunggakan' }, owner.token);
  const history = (customerId: string) => ok(t.core, 'isolir.history', { customerId }, owner.token);
  const status = async (id: string) => (await ok(t.core, 'customers.get', { id }, owner.token)).status;

  it('swaps the PPPoE profile to isolir and ends the live session; reconnecting puts the package back', async () => {
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '1h' }]);
    const id = await customerOn('pppoe-profile');
    await isolate([id]);
    await t.core.jobs.runDue();
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    expect(online('pelanggan.1')).toHaveLength(0);
    expect(await status(id)).toBe('isolated');
    expect((await history(id))[0]?.answer).toBe('profile=isolir; 1 session removed');
    // The same as facts, which the screens put in plain words; the line above is for "Detail teknis".
    expect((await history(id))[0]?.change).toEqual({ state: { kind: 'profile', profile: 'isolir' }, sessionsEnded: 1 });

    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Sudah bayar' }, owner.token);
    await t.core.jobs.runDue();
    expect(secret('pelanggan.1')?.profile).toBe('hemat-10m');
    expect(await status(id)).toBe('active');
  });

  it('disables the secret on a router set to do so, and enables it again', async () => {
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    const id = await customerOn('disable-secret');
    await isolate([id]);
    await t.core.jobs.runDue();
    expect(secret('pelanggan.1')?.disabled).toBe('true');
    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Sudah bayar' }, owner.token);
    await t.core.jobs.runDue();
    expect(secret('pelanggan.1')?.disabled).toBe('false');
  });

  it('puts a static-IP customer on the isolir address list with our mark, and takes only ours off', async () => {
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe', 'remote-address': '10.20.0.7' }]);
    router.seed('/ip/firewall/address-list', [{ list: 'isolir', address: '10.99.0.1', comment: 'set by hand' }]);
    const id = await customerOn('address-list');
    await isolate([id]);
    await t.core.jobs.runDue();
    // Twice asked (a retry after a lost reply): one entry.
    await t.core.services.isolir.request(owner.tenantId, { kind: 'isolate', customerIds: [id], reason: 'x', source: 'manual', requestedBy: null });
    await t.core.jobs.runDue();
    const listed = router.table('/ip/firewall/address-list');
    expect(listed.filter((e) => e.address === '10.20.0.7')).toEqual([expect.objectContaining({ list: 'isolir', comment: `rrnet:${id}` })]);
    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Sudah bayar' }, owner.token);
    await t.core.jobs.runDue();
    expect(router.table('/ip/firewall/address-list').map((e) => e.address)).toEqual(['10.99.0.1']);
  });

  it('isolates a hotspot user by profile and ends their hotspot session', async () => {
    router.seed('/ip/hotspot/user', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m' }]);
    router.seed('/ip/hotspot/active', [{ user: 'pelanggan.1', address: '10.5.50.9', uptime: '5m' }]);
    const id = await customerOn('pppoe-profile', 1, 'hotspot');
    await isolate([id]);
    await t.core.jobs.runDue();
    expect(router.table('/ip/hotspot/user')[0]?.profile).toBe('isolir');
    expect(router.table('/ip/hotspot/active')).toHaveLength(0);
  });

  it('a router down for the whole of a 200-isolation run: every request waits with the reason, then all apply once it is back, none twice', async () => {
    const RUN = 200;
    const ids: string[] = [];
    for (let n = 1; n <= RUN; n++) {
      router.seed('/ppp/secret', [{ name: `pelanggan.${n}`, password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
      ids.push(await customerOn('pppoe-profile', n));
    }
    await router.setFault('down');
    await isolate(ids);
    await t.core.jobs.runDue();
    const waiting = await ok(t.core, 'isolir.list', { view: 'pending', limit: 200 }, owner.token);
    expect(waiting.items).toHaveLength(RUN);
    expect(waiting.items.every((a) => a.errorCode === 'UNREACHABLE')).toBe(true);
    expect(await status(ids[0] ?? '')).toBe('active');

    await router.setFault(null);
    // Past the connection's backoff (real time: 1 s after the failed connect), then the jobs' (the test's clock).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    t.clock.advance(5 * 60_000);
    await t.core.jobs.runDue();
    expect((await ok(t.core, 'isolir.list', { view: 'isolated', limit: 200 }, owner.token)).items).toHaveLength(RUN);
    expect(router.table('/ppp/secret').every((s) => s.profile === 'isolir')).toBe(true);
    // The router was reached only once it was back: one profile change per customer.
    expect(setCommands()).toBe(RUN);
  });

  it('a reply lost after the router applied it: shown as waiting, never as done, and not applied twice', async () => {
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    const id = await customerOn('pppoe-profile');
    router.failNext(1, 'drop-after-apply', '/ppp/secret/set');
    await isolate([id]);
    await t.core.jobs.runDue();
    // The router has it; the console does not know yet.
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    expect((await history(id))[0]).toMatchObject({ status: 'pending' });
    expect(await status(id)).toBe('active');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    t.clock.advance(60_000);
    await t.core.jobs.runDue();
    expect((await history(id))[0]).toMatchObject({ status: 'applied' });
    expect(await status(id)).toBe('isolated');
    // The retry set the same profile again: nothing more on the router, one isolir entry in the history.
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    expect(await history(id)).toHaveLength(1);
  });

  it('an account missing on the router fails with that reason for a person to fix', async () => {
    const id = await customerOn('pppoe-profile');
    await isolate([id]);
    await t.core.jobs.runDue();
    expect((await history(id))[0]).toMatchObject({ status: 'failed', errorCode: 'ACCOUNT_MISSING' });
  });
});
