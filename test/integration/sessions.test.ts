import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer, type RouterOsVersion } from '../support/routeros-server.js';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * Who is online, through the core to the RouterOS wire server: the real client prints the active
 * sessions, the poll keeps them, and customer_online / customer_offline follow what changes.
 */
describe.each<RouterOsVersion>(['6.49', '7.18'])('live sessions on RouterOS %s', (version) => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;
  let routerId: string;

  beforeEach(async () => {
    router = await startRouterOsServer({ version });
    t = createTestCore();
    owner = await createOwner(t.core);
    routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' }, owner.token)).id;
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  async function customer(n: number, serviceType: 'pppoe' | 'hotspot' = 'pppoe') {
    const packageId = (await ok(t.core, 'packages.list', {}, owner.token))[0]?.id ?? (await createPackage(t.core, owner.token));
    return (await ok(t.core, 'customers.create', { ...customerInput(packageId, n), routerId, serviceType }, owner.token)).id;
  }

  const poll = () => t.core.services.sessions.pollAll([owner.tenantId]);
  const events = () => {
    const rows = t.core.db
      .prepare("SELECT name, payload FROM outbox WHERE name IN ('customer_online', 'customer_offline') ORDER BY seq")
      .all() as { name: string; payload: string }[];
    return rows.map((r) => ({ name: r.name, ...(JSON.parse(r.payload) as { customerId: string; routerId: string }) }));
  };
  const pppoe = (name: string, address: string, uptime = '1d2h3m') => ({ name, address, 'caller-id': 'AA:BB:CC:00:00:01', uptime, service: 'pppoe' });

  it('lists a router\'s PPPoE and hotspot sessions with the customer\'s name, or none for a login nobody has', async () => {
    const budi = await customer(1);
    await customer(2, 'hotspot');
    router.seed('/ppp/active', [pppoe('pelanggan.1', '10.10.0.21'), pppoe('tamu.lama', '10.10.0.99')]);
    router.seed('/ip/hotspot/active', [{ user: 'pelanggan.2', address: '10.5.50.7', 'mac-address': 'DE:AD:BE:EF:00:02', uptime: '45m' }]);

    const list = await ok(t.core, 'sessions.router', { routerId }, owner.token);
    expect(list.live).toBe(true);
    expect(list.problem).toBeNull();
    expect(list.sessions.map((s) => [s.kind, s.name, s.customerName, s.address, s.callerId])).toEqual([
      ['pppoe', 'pelanggan.1', 'Pelanggan 1', '10.10.0.21', 'AA:BB:CC:00:00:01'],
      ['hotspot', 'pelanggan.2', 'Pelanggan 2', '10.5.50.7', 'DE:AD:BE:EF:00:02'],
      ['pppoe', 'tamu.lama', null, '10.10.0.99', 'AA:BB:CC:00:00:01'],
    ]);
    expect(list.sessions[0]?.uptimeSeconds).toBe(86_400 + 2 * 3_600 + 3 * 60);

    const one = await ok(t.core, 'sessions.customer', { customerId: budi }, owner.token);
    expect(one.state).toBe('online');
    expect(one.session?.address).toBe('10.10.0.21');
    // The uptime goes on from the router's answer, without asking again.
    t.clock.advance(5_000);
    expect((await ok(t.core, 'sessions.customer', { customerId: budi }, owner.token)).session?.uptimeSeconds).toBe(86_400 + 2 * 3_600 + 3 * 60 + 5);
  });

  it('asks each menu once per poll, for only the fields it shows', async () => {
    await poll();
    const prints = router.received.filter((c) => c.words[0]?.endsWith('/active/print'));
    expect(prints.map((c) => c.words.filter((w) => !w.startsWith('.tag=')))).toEqual([
      ['/ppp/active/print', '=.proplist=.id,name,address,uptime,caller-id'],
      ['/ip/hotspot/active/print', '=.proplist=.id,user,address,uptime,mac-address'],
    ]);
  });

  it('learns who is online on its first poll without events, then publishes who came and who left', async () => {
    const budi = await customer(1);
    const siti = await customer(2);
    router.seed('/ppp/active', [pppoe('pelanggan.1', '10.10.0.21'), pppoe('tamu.lama', '10.10.0.99')]);
    await poll();
    expect(events()).toEqual([]);

    // Siti connects, Budi drops, the unknown login comes and goes: only customers make events.
    router.table('/ppp/active').splice(0, router.table('/ppp/active').length);
    router.seed('/ppp/active', [pppoe('pelanggan.2', '10.10.0.22', '5s')]);
    await poll();
    expect(events()).toEqual([
      { name: 'customer_online', customerId: siti, routerId },
      { name: 'customer_offline', customerId: budi, routerId },
    ]);
    // Nothing changed: nothing new.
    await poll();
    expect(events()).toHaveLength(2);
    expect((await ok(t.core, 'sessions.customer', { customerId: budi }, owner.token)).state).toBe('offline');
  });

  it('shows a router that does not answer as such, with its last list and age, never as live, and sends no offline for it', async () => {
    const budi = await customer(1);
    router.seed('/ppp/active', [pppoe('pelanggan.1', '10.10.0.21')]);
    await poll();
    const checked = (await ok(t.core, 'sessions.router', { routerId }, owner.token)).checkedAt;

    await router.setFault('down');
    t.clock.advance(60_000);
    const list = await ok(t.core, 'sessions.router', { routerId }, owner.token);
    expect(list.live).toBe(false);
    expect(list.problem?.code).toBe('UNREACHABLE');
    expect(list.problem?.message).toMatch(/Router tidak bisa dihubungi/);
    expect(list.checkedAt).toBe(checked);
    expect(list.sessions.map((s) => s.name)).toEqual(['pelanggan.1']);
    const one = await ok(t.core, 'sessions.customer', { customerId: budi }, owner.token);
    expect(one.state).toBe('unknown');
    expect(one.session?.address).toBe('10.10.0.21');
    expect(events()).toEqual([]);

    // Back, and Budi went away meanwhile: that is news once the router says so.
    router.table('/ppp/active').splice(0, 1);
    await router.setFault(null);
    // The pool waits out its backoff before trying the router again.
    await expect.poll(async () => {
      t.clock.advance(15_000);
      return (await ok(t.core, 'sessions.router', { routerId }, owner.token)).live;
    }, { timeout: 10_000, interval: 200 }).toBe(true);
    expect(events()).toEqual([{ name: 'customer_offline', customerId: budi, routerId }]);
  });

  it('a collector may ask whether one customer is online, but not list everyone online on a router', async () => {
    const id = await customer(1);
    await ok(t.core, 'users.create', { username: 'penagih', displayName: 'Penagih', role: 'collector', password: 'rahasia-staf' }, owner.token);
    const collector = await login(t.core, 'penagih', 'rahasia-staf');
    await ok(t.core, 'sessions.customer', { customerId: id }, collector);
    expect(await call(t.core, 'sessions.router', { routerId }, collector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('says when a customer has no router to ask, and refuses a router or customer of another tenant', async () => {
    const packageId = await createPackage(t.core, owner.token);
    const walkIn = (await ok(t.core, 'customers.create', customerInput(packageId, 9), owner.token)).id;
    expect((await ok(t.core, 'sessions.customer', { customerId: walkIn }, owner.token)).state).toBe('noRouter');
    const missing = await call(t.core, 'sessions.router', { routerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, owner.token);
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
