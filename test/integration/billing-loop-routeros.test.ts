import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { OWNER, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * The loop end to end: billing's monthly invoice past due + grace, the tenant's daily scan from the scheduler,
 * the isolation on a MikroTik (the RouterOS wire server, the real client over a socket), and the
 * WhatsApp messages in the log (dry-run provider: nothing leaves, everything is rendered and logged).
 */
describe('overdue past grace -> isolated on the router -> WhatsApp', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '1h' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    // The scheduler meets the new tenant: its daily scan starts with the next slot.
    t.core.scheduler.tick();
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  it('the 08:00 scan the day after grace isolates the customer on the router, and the customer hears of it, once', async () => {
    await ok(t.core, 'billing.settings.update', { paymentUrlPattern: 'https://bayar.example/{{invoice_number}}' }, owner.token);
    const routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: 'pppoe-profile' }, owner.token)).id;
    const packageId = await createPackage(t.core, owner.token);
    const id = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId }, owner.token)).id;
    // Monday 5 January: the customer's billing day (the 2nd) has passed, so this month's invoice is
    // issued today, due in 10 days (the 15th).
    expect(await ok(t.core, 'billing.invoices.generate', {}, owner.token)).toMatchObject({ created: 1 });
    await t.core.jobs.runDue();

    // 23 January, 08:05 WIB: due on the 15th, 7 grace days over.
    t.clock.set(Date.UTC(2026, 0, 23, 1, 5));
    expect(t.core.scheduler.tick()).toBeGreaterThan(0);
    await t.core.jobs.runDue();
    await t.core.jobs.runDue();
    const secret = router.table('/ppp/secret').find((s) => s.name === 'pelanggan.1');
    expect(secret?.profile).toBe('isolir');
    expect(router.table('/ppp/active')).toHaveLength(0);
    expect(t.core.services.customers.get(owner.tenantId, id).status).toBe('isolated');

    await t.core.bus.drain();
    await t.core.jobs.runDue();
    // Two weeks on, the morning's operator signs in afresh.
    const token = await login(t.core, OWNER.username, OWNER.password);
    const messages = async () => (await ok(t.core, 'wa.logs.list', {}, token)).items;
    const log = await messages();
    const overdue = log.filter((m) => m.templateKey === 'invoice_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.preview).toMatch(/sebesar Rp\s150\.000 /);
    expect(overdue[0]?.preview).toContain('(ID: INV/202601/A-00001) telah melewati jatuh tempo 15 Januari 2026');
    expect(log.filter((m) => m.templateKey === 'customer_isolated')).toHaveLength(1);
    expect(log.every((m) => m.simulated && m.status !== 'failed')).toBe(true);

    // The same day again (a restart, a second office): nothing more on the router or on WhatsApp.
    t.core.services.billingLoop.runDay(owner.tenantId, '2026-01-23');
    await t.core.jobs.runDue();
    await t.core.bus.drain();
    expect(router.received.filter((c) => c.words[0] === '/ppp/secret/set')).toHaveLength(1);
    expect(await messages()).toHaveLength(log.length);
  });
});
