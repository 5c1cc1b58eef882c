import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import type { IsolirMethod } from '../../shared/domain/router.js';

/**
 * Each customer's account on their MikroTik follows the console, through the whole core: the
 * RouterOS wire server plays the router, the real client talks to it over a socket, and each test
 * reads the router's tables afterwards, as a technician in Winbox would.
 */
describe('provisioning: the customer account on the router follows the console', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;
  let routerId: string;
  let packageId: string;

  async function setUp(method: IsolirMethod = 'pppoe-profile') {
    routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: method }, owner.token)).id;
  }

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'cepat-20m' }, { name: 'isolir' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
    packageId = await createPackage(t.core, owner.token);
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  /** Events delivered, then every due job run: what the console does between two clicks. */
  const settle = async () => {
    await t.core.bus.drain();
    await t.core.jobs.runDue();
  };
  const secret = (name: string) => router.table('/ppp/secret').find((s) => s.name === name);
  const commands = (word: string) => router.received.filter((c) => c.words[0] === word).length;
  const state = (customerId: string) => ok(t.core, 'provisioning.state', { customerId }, owner.token);
  const create = async (n = 1, overrides = {}) =>
    (await ok(t.core, 'customers.create', { ...customerInput(packageId, n), routerId, pppoePassword: `sandi-${n}`, ...overrides }, owner.token)).id;
  /** Past the connection's own backoff after a failed connect (real time), then the jobs' (the test's clock). */
  const routerBack = async () => {
    await router.setFault(null);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    t.clock.advance(5 * 60_000);
    await settle();
  };

  it('a new customer with a router gets a PPPoE secret with the package profile and our mark', async () => {
    await setUp();
    const id = await create();
    await t.core.bus.drain();
    expect((await state(id))?.status).toBe('pending');
    await settle();
    expect(secret('pelanggan.1')).toMatchObject({ password: 'sandi-1', profile: 'hemat-10m', service: 'pppoe', disabled: 'false', comment: `rrnet:${id}` });
    expect(await state(id)).toMatchObject({ status: 'applied', answer: 'added pelanggan.1 profile=hemat-10m' });
  });

  it('without a password no account is made (one without lets anyone in): failed with that reason until the password is saved', async () => {
    await setUp();
    const id = await create(1, { pppoePassword: '' });
    await settle();
    expect(secret('pelanggan.1')).toBeUndefined();
    expect(await state(id)).toMatchObject({ status: 'failed', errorCode: 'PASSWORD_MISSING' });
    await ok(t.core, 'customers.update', { id, pppoePassword: 'baru-123' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.password).toBe('baru-123');
    expect((await state(id))?.status).toBe('applied');
  });

  it('a new password is set on the router without ending the session; the router never gets one it already has', async () => {
    await setUp();
    const id = await create();
    await settle();
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21' }]);
    await ok(t.core, 'customers.update', { id, pppoePassword: 'ganti-456' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.password).toBe('ganti-456');
    expect(router.table('/ppp/active')).toHaveLength(1);
    await ok(t.core, 'customers.update', { id, notes: 'pindah rumah' }, owner.token);
    await settle();
    expect(commands('/ppp/secret/set')).toBe(1);
  });

  it('a hotspot customer gets a hotspot user', async () => {
    await setUp();
    const id = await create(1, { serviceType: 'hotspot' });
    await settle();
    expect(router.table('/ip/hotspot/user')).toEqual([expect.objectContaining({ name: 'pelanggan.1', profile: 'hemat-10m', comment: `rrnet:${id}` })]);
    expect(secret('pelanggan.1')).toBeUndefined();
  });

  it('an edit the router does not hold (a phone number) sends nothing to the router', async () => {
    await setUp();
    const id = await create();
    await settle();
    const before = router.received.length;
    await ok(t.core, 'customers.update', { id, phone: '081299990000' }, owner.token);
    await settle();
    expect(router.received.length).toBe(before);
    expect((await state(id))?.status).toBe('applied');
  });

  it('a package change sets the new profile and ends the session; while isolated the isolir profile stays, and reconnecting puts the NEW package back', async () => {
    await setUp();
    const fast = (await ok(t.core, 'packages.create', { name: 'Cepat 20', price: 250_000, routerProfile: 'cepat-20m', rateLimit: '20M/20M' }, owner.token)).id;
    const id = await create();
    await settle();
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21' }]);
    await ok(t.core, 'customers.update', { id, packageId: fast }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('cepat-20m');
    expect(router.table('/ppp/active')).toHaveLength(0);

    await ok(t.core, 'isolir.isolate', { customerIds: [id], reason: 'Tunggakan' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    // The package changes back while isolated: the customer stays isolated on the router.
    await ok(t.core, 'customers.update', { id, packageId }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    expect((await state(id))?.status).toBe('applied');
    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Sudah bayar' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('hemat-10m');
  });

  it('a package change and an isolation both waiting for a router that was down: once back, isolated with one profile change, and reconnecting gives the new package', async () => {
    await setUp();
    const fast = (await ok(t.core, 'packages.create', { name: 'Cepat 20', price: 250_000, routerProfile: 'cepat-20m', rateLimit: '20M/20M' }, owner.token)).id;
    const id = await create();
    await settle();
    await router.setFault('down');
    await ok(t.core, 'customers.update', { id, packageId: fast }, owner.token);
    await ok(t.core, 'isolir.isolate', { customerIds: [id], reason: 'Tunggakan' }, owner.token);
    await settle();
    await routerBack();
    expect(secret('pelanggan.1')?.profile).toBe('isolir');
    const profileSets = router.received.filter((c) => c.words[0] === '/ppp/secret/set' && c.words.some((w) => w.startsWith('=profile=')));
    expect(profileSets.map((c) => c.words.find((w) => w.startsWith('=profile=')))).toEqual(['=profile=isolir']);
    expect((await state(id))?.status).toBe('applied');
    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Sudah bayar' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('cepat-20m');
  });

  it('deactivating disables the secret and ends the session; reactivating enables it', async () => {
    await setUp();
    const id = await create();
    await settle();
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21' }]);
    await ok(t.core, 'customers.deactivate', { id }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.disabled).toBe('true');
    expect(router.table('/ppp/active')).toHaveLength(0);
    await ok(t.core, 'customers.reactivate', { id }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.disabled).toBe('false');
    expect((await state(id))?.status).toBe('applied');
  });

  it('a router down: pending with the reason, nothing shown as applied; once back the secret is added once', async () => {
    await setUp();
    await router.setFault('down');
    const id = await create();
    await settle();
    expect(await state(id)).toMatchObject({ status: 'pending', errorCode: 'UNREACHABLE' });
    await routerBack();
    expect(await state(id)).toMatchObject({ status: 'applied' });
    expect(router.table('/ppp/secret')).toHaveLength(1);
    expect(commands('/ppp/secret/add')).toBe(1);
  });

  it('a reply lost after the router added the secret: pending, then applied by the retry without a second add', async () => {
    await setUp();
    router.failNext(1, 'drop-after-apply', '/ppp/secret/add');
    const id = await create();
    await settle();
    expect(secret('pelanggan.1')).toBeDefined();
    expect((await state(id))?.status).toBe('pending');
    await routerBack();
    expect((await state(id))?.status).toBe('applied');
    expect(router.table('/ppp/secret')).toHaveLength(1);
    expect(commands('/ppp/secret/add')).toBe(1);
  });

  it('a burst of 20 edits: the router ends in the last state, and older queued syncs step aside', async () => {
    await setUp();
    const fast = (await ok(t.core, 'packages.create', { name: 'Cepat 20', price: 250_000, routerProfile: 'cepat-20m', rateLimit: '20M/20M' }, owner.token)).id;
    const id = await create();
    await settle();
    for (let i = 1; i <= 20; i++) {
      await ok(t.core, 'customers.update', { id, packageId: i % 2 === 0 ? packageId : fast, username: `pelanggan.v${i}` }, owner.token);
    }
    await settle();
    expect(router.table('/ppp/secret')).toEqual([expect.objectContaining({ name: 'pelanggan.v20', profile: 'hemat-10m', comment: `rrnet:${id}` })]);
    expect((await state(id))?.status).toBe('applied');
    expect(commands('/ppp/secret/set')).toBeLessThanOrEqual(2);
  });

  it('a move to another router removes our account from the old one', async () => {
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    await setUp();
    const other = await startRouterOsServer({ version: '6.49' });
    try {
      const id = await create();
      await settle();
      const otherId = (await ok(t.core, 'routers.create', { name: 'Cabang', host: other.host, apiPort: other.port, username: 'admin', password: 'rahasia' }, owner.token)).id;
      await ok(t.core, 'customers.update', { id, routerId: otherId }, owner.token);
      await settle();
      expect(router.table('/ppp/secret')).toHaveLength(0);
      expect(other.table('/ppp/secret')).toEqual([expect.objectContaining({ name: 'pelanggan.1', comment: `rrnet:${id}` })]);
      expect((await state(id))?.status).toBe('applied');
    } finally {
      await other.close();
    }
  });
});
