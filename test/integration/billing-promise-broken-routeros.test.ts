import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { OWNER, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import type { MethodInput, MethodName } from '../../shared/contract/index.js';

/**
 * "Janji bayar" on a MikroTik (the RouterOS wire server, the real client over a socket): the promise
 * reconnects, the promised day ending unpaid isolates again at 00:05 the day after (the scheduler's
 * end-of-day run in the tenant's zone) with the customer's own WhatsApp, once; a payment before keeps it.
 */
describe('promise to pay on the router', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;
  let customerId: string;

  const profile = () => router.table('/ppp/secret').find((s) => s.name === 'pelanggan.1')?.profile;
  const settle = async () => {
    t.core.scheduler.tick();
    await t.core.jobs.runDue();
    await t.core.jobs.runDue();
    await t.core.bus.drain();
    await t.core.jobs.runDue();
  };
  const messages = async (templateKey: string) => (await as('wa.logs.list', {})).items.filter((m) => m.templateKey === templateKey);
  // The clock moves days at a time: each step is a fresh sign-in, as the morning's operator does.
  const as = async <M extends MethodName>(method: M, input: MethodInput<M>) => ok(t.core, method, input, await login(t.core, OWNER.username, OWNER.password));
  const status = () => t.core.services.customers.get(owner.tenantId, customerId).status;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    t.core.scheduler.tick();
    await ok(t.core, 'billing.settings.update', { paymentUrlPattern: 'https://bayar.example/{{invoice_number}}' }, owner.token);
    const routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: 'pppoe-profile' }, owner.token)).id;
    const packageId = await createPackage(t.core, owner.token);
    customerId = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId }, owner.token)).id;
    // Monday 5 January: invoiced, due the 15th; on the 23rd at 08:05 WIB the grace is over and the scan isolates.
    await ok(t.core, 'billing.invoices.generate', {}, owner.token);
    await t.core.jobs.runDue();
    t.clock.set(Date.UTC(2026, 0, 23, 1, 5));
    await settle();
    expect(profile()).toBe('isolir');
    // The customer comes to the office: "I pay on Sunday the 25th".
    await as('billing.promises.create', { customerId, promisedDate: '2026-01-25', note: 'Gajian hari Minggu' });
    await settle();
    expect(profile()).toBe('hemat-10m');
    expect(status()).toBe('active');
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  it('still connected all through the promised day; at 00:05 after it, unpaid: isolated again on the router and told on WhatsApp, once', async () => {
    // Sunday 25 January, 23:55 WIB: the day is not over.
    t.clock.set(Date.UTC(2026, 0, 25, 16, 55));
    await settle();
    expect(profile()).toBe('hemat-10m');
    expect(await messages('payment_promise_broken')).toHaveLength(0);

    // Monday 26 January, 00:06 WIB: the end-of-day run broke the promise.
    t.clock.set(Date.UTC(2026, 0, 25, 17, 6));
    await settle();
    expect(profile()).toBe('isolir');
    expect(status()).toBe('isolated');
    expect((await as('billing.promises.list', { customerId }))[0]?.status).toBe('broken');
    expect(await messages('payment_promise_broken')).toHaveLength(1);
    const [content] = t.core.db.prepare(`SELECT content FROM wa_messages WHERE template_key = 'payment_promise_broken'`).pluck().all() as string[];
    expect(content).toMatch(/^Halo Pelanggan 1, sampai tanggal 25 Januari 2026 tagihan Rp\s150\.000 belum kami terima/);
    expect(content).toContain('Bayar online: https://bayar.example/INV');

    // The 08:00 scan, a rerun of the day, a restart: no second isolation, no second message.
    const sets = router.received.filter((c) => c.words[0] === '/ppp/secret/set').length;
    t.clock.set(Date.UTC(2026, 0, 26, 1, 5));
    await settle();
    t.core.services.billingLoop.runDay(owner.tenantId, '2026-01-26');
    await settle();
    expect(router.received.filter((c) => c.words[0] === '/ppp/secret/set')).toHaveLength(sets);
    expect(await messages('payment_promise_broken')).toHaveLength(1);
  });

  it('paid before the day ends: the promise is kept, and nobody is isolated at 00:05', async () => {
    t.clock.set(Date.UTC(2026, 0, 25, 5, 0));
    await as('billing.payments.record', { requestKey: 'janji-ditepati', customerId, amount: 150_000, method: 'cash' });
    await settle();
    t.clock.set(Date.UTC(2026, 0, 26, 1, 5));
    await settle();
    expect(profile()).toBe('hemat-10m');
    expect(status()).toBe('active');
    expect((await as('billing.promises.list', { customerId }))[0]?.status).toBe('kept');
    expect(await messages('payment_promise_broken')).toHaveLength(0);
  });
});
