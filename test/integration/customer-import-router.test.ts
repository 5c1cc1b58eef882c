import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer, type RouterOsVersion } from '../support/routeros-server.js';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * "Dari router": a MikroTik's PPP secrets and hotspot users read through the core over the RouterOS
 * wire server, previewed and applied by the same pipeline as a file.
 */
describe.each<RouterOsVersion>(['6.49', '7.18'])('importing customers from a router on RouterOS %s', (version) => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;
  let routerId: string;
  let hemat: string;

  beforeEach(async () => {
    router = await startRouterOsServer({ version });
    t = createTestCore();
    owner = await createOwner(t.core);
    hemat = await createPackage(t.core, owner.token, 'Hemat 10 Mbps');
    routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' }, owner.token)).id;
    router.seed('/ppp/secret', [
      { name: 'budi01', password: 'rahasia-budi', profile: 'hemat-10m', service: 'pppoe', comment: 'Tiang 3' },
      { name: 'siti', password: 'rahasia-siti', profile: 'Gold 50', service: 'any' },
      { name: 'teknisi', password: 'x', profile: 'staff', service: 'pppoe' },
      { name: 'lama', password: 'y', profile: 'hemat-10m', service: 'pppoe', disabled: 'true' },
    ]);
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  const read = () => ok(t.core, 'customers.import.readRouter', { routerId }, owner.token);
  const decisions = { packages: { 'gold 50': { action: 'create', price: 250_000 }, staff: { action: 'skip' } } } as const;
  const customers = async () => (await ok(t.core, 'customers.list', { limit: 50 }, owner.token)).items;

  it('reads secrets and an empty hotspot, maps profiles to packages, and previews without writing', async () => {
    const source = await read();
    expect(source).toMatchObject({ fileName: 'Router Pusat', pppSecrets: 4, hotspotUsers: 0 });
    const prints = router.received.filter((c) => c.words[0]?.endsWith('/print')).map((c) => c.words.filter((w) => !w.startsWith('.tag=')));
    expect(prints).toEqual([
      ['/ppp/secret/print', '=.proplist=name,password,profile,comment,disabled'],
      ['/ip/hotspot/user/print', '=.proplist=name,password,profile,comment,disabled'],
    ]);

    const preview = await ok(t.core, 'customers.import.preview', { uploadId: source.uploadId }, owner.token);
    expect(preview.source).toBe('router');
    // The package whose router profile is hemat-10m is suggested; the two unknown profiles wait for the operator.
    expect(preview.unknownPackages).toEqual([
      { name: 'Gold 50', rows: 1, suggestedPackageId: null },
      { name: 'staff', rows: 1, suggestedPackageId: null },
    ]);
    expect(preview.rows.map((r) => [r.username, r.outcome, r.reason])).toEqual([
      ['budi01', 'new', null],
      ['siti', 'skipped', 'unknownPackage'],
      ['teknisi', 'skipped', 'unknownPackage'],
      ['lama', 'new', null],
    ]);
    const decided = await ok(t.core, 'customers.import.preview', { uploadId: source.uploadId, ...decisions }, owner.token);
    expect(decided.rows.map((r) => [r.username, r.outcome, r.reason])).toEqual([
      ['budi01', 'new', null],
      ['siti', 'new', null],
      ['teknisi', 'skipped', 'packageSkipped'],
      ['lama', 'new', null],
    ]);
    expect(await customers()).toEqual([]);
  });

  it('applies: customers on that router with their profile\'s package, sealed passwords, disabled ones inactive; re-running adds nobody', async () => {
    const report = await ok(t.core, 'customers.import.apply', { uploadId: (await read()).uploadId, requestKey: 'router-import-1', ...decisions }, owner.token);
    expect(report.totals).toEqual({ new: 3, update: 0, unchanged: 0, skipped: 1 });
    expect(report.rows.find((r) => r.username === 'teknisi')?.reason).toBe('packageSkipped');
    const list = await customers();
    expect(list.map((c) => [c.username, c.routerId, c.packageName, c.serviceType, c.status])).toEqual([
      ['budi01', routerId, 'Hemat 10 Mbps', 'pppoe', 'active'],
      ['lama', routerId, 'Hemat 10 Mbps', 'pppoe', 'inactive'],
      ['siti', routerId, 'Gold 50', 'pppoe', 'active'],
    ]);
    expect(list[0]?.notes).toBe('Tiang 3');
    const sealed = t.core.db.prepare(`SELECT pppoe_password FROM customers WHERE username = 'budi01'`).pluck().get() as string;
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('rahasia');

    // Provisioning adopts the accounts already there at once: each only takes our comment (and the
    // password it already had); nothing is added, removed, re-profiled, disabled or kicked.
    await t.core.bus.drain();
    await t.core.jobs.runDue();
    for (const c of list) expect((await ok(t.core, 'provisioning.state', { customerId: c.id }, owner.token))?.status).toBe('applied');
    const writes = router.received.filter((c) => !(c.words[0] ?? '').endsWith('/print')).map((c) => c.words.filter((w) => !w.startsWith('.tag=') && !w.startsWith('=.id=')));
    expect(writes.map((w) => w[0])).toEqual(['/ppp/secret/set', '/ppp/secret/set', '/ppp/secret/set']);
    expect(writes.map((w) => w.slice(1).map((word) => word.split('=')[1]).sort())).toEqual([['comment', 'password'], ['comment', 'password'], ['comment', 'password']]);
    expect(router.table('/ppp/secret').map((s) => [s.name, s.password, s.profile, s.disabled ?? 'false'])).toEqual([
      ['budi01', 'rahasia-budi', 'hemat-10m', 'false'],
      ['siti', 'rahasia-siti', 'Gold 50', 'false'],
      ['teknisi', 'x', 'staff', 'false'],
      ['lama', 'y', 'hemat-10m', 'true'],
    ]);

    // Read again (a new upload) and applied again: everyone found by username, nothing added.
    const again = await ok(t.core, 'customers.import.apply', { uploadId: (await read()).uploadId, requestKey: 'router-import-2', ...decisions }, owner.token);
    expect(again.totals).toEqual({ new: 0, update: 0, unchanged: 3, skipped: 1 });
    expect(await customers()).toHaveLength(3);
  });

  it('reads hotspot users as hotspot customers, gives a router-less customer the router, and leaves one on another router alone', async () => {
    router.seed('/ip/hotspot/user', [{ name: 'voucher7', password: 'v7', profile: 'hemat-10m' }]);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    const other = (await ok(t.core, 'routers.create', { name: 'Cabang', host: '127.0.0.1', apiPort: 1, username: 'admin', password: 'x' }, owner.token)).id;
    const budi = await ok(t.core, 'customers.create', customerInput(hemat, 1, { username: 'budi01' }), owner.token);
    await ok(t.core, 'customers.create', customerInput(hemat, 2, { username: 'siti', routerId: other }), owner.token);

    const preview = await ok(t.core, 'customers.import.preview', { uploadId: (await read()).uploadId, ...decisions }, owner.token);
    expect(preview.rows.map((r) => [r.username, r.outcome, r.reason])).toEqual([
      ['budi01', 'update', null],
      ['siti', 'skipped', 'otherRouter'],
      ['teknisi', 'skipped', 'packageSkipped'],
      ['lama', 'new', null],
      ['voucher7', 'new', null],
    ]);
    expect([...(preview.rows[0]?.changes ?? [])].sort()).toEqual(['notes', 'password', 'router']);
    await ok(t.core, 'customers.import.apply', { uploadId: (await read()).uploadId, requestKey: 'router-import-3', ...decisions }, owner.token);
    expect((await ok(t.core, 'customers.get', { id: budi.id }, owner.token)).routerId).toBe(routerId);
    expect((await customers()).find((c) => c.username === 'voucher7')?.serviceType).toBe('hotspot');
  });

  it('says plainly when the router cannot be read', async () => {
    await router.setFault('down');
    const failed = await call(t.core, 'customers.import.readRouter', { routerId }, owner.token);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.fields?.routerId).toMatch(/Router tidak bisa dihubungi/);
  });
});
