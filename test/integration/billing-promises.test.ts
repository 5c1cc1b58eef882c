import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { ConfirmingRouter, markPaid, openInvoice } from '../support/billing-loop.js';

/** "Janji bayar": reconnected until the promised day, isolated again when it passes unpaid, within limits. */
describe('promise to pay', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let router: ConfirmingRouter;
  let customerId: string;
  let invoiceId: string;

  beforeEach(async () => {
    router = new ConfirmingRouter();
    t = createTestCore({ isolir: { executors: { forRouter: () => router } } });
    // Tuesday 20 January 2026, 09:00 WIB.
    t.clock.set(Date.UTC(2026, 0, 20, 2, 0));
    owner = await createOwner(t.core);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    const routerId = t.core.services.routers.create(owner.tenantId, { name: 'Pusat', host: '192.168.88.1', username: 'rrnet', password: 'x' });
    const packageId = await createPackage(t.core, owner.token);
    customerId = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId }, owner.token)).id;
    invoiceId = openInvoice(t.core, owner.tenantId, customerId, '2026-01-11');
    scan('2026-01-20');
    await t.core.jobs.runDue();
    expect(status()).toBe('isolated');
  });

  afterEach(async () => {
    await t.cleanup();
  });

  const scan = (day: string) => t.core.services.billingLoop.runDay(owner.tenantId, day);
  const status = () => t.core.services.customers.get(owner.tenantId, customerId).status;
  const promise = (promisedDate: string, token = owner.token) => call(t.core, 'billing.promises.create', { customerId, promisedDate, note: 'Gajian tanggal 25' }, token);
  const refusal = async (promisedDate: string) => {
    const r = await promise(promisedDate);
    return r.ok ? null : { code: r.error.code, fields: r.error.fields };
  };
  const reconnected = async () => {
    await t.core.jobs.runDue();
    return status() === 'active';
  };

  it('reconnects the isolated customer until the day, and confirms it on WhatsApp', async () => {
    const made = await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-25', note: 'Gajian tanggal 25' }, owner.token);
    expect(made).toMatchObject({ customerId, invoiceId, promisedDate: '2026-01-25', status: 'active', createdBy: 'Bu Pemilik', customerName: 'Pelanggan 1' });
    const [reconnect] = t.core.services.isolir.history(owner.tenantId, customerId);
    expect(reconnect).toMatchObject({ kind: 'reconnect', source: 'policy', reason: 'Janji bayar sampai 25/01/2026', requestedBy: 'Bu Pemilik' });
    expect(await reconnected()).toBe(true);
    await t.core.bus.drain();
    const content = t.core.db.prepare(`SELECT content FROM wa_messages WHERE template_key = 'payment_promise_made'`).pluck().all() as string[];
    expect(content).toHaveLength(1);
    expect(content[0]).toMatch(/tagihan Rp\s150\.000 \(ID: INV\/202601\/A-\d{5}\) dibayar paling lambat 25 Januari 2026/);
    // In the customer's history.
    expect(await ok(t.core, 'billing.promises.list', { customerId }, owner.token)).toEqual([made]);
  });

  it('isolates again the morning after the promised day passes unpaid, and keeps the promise as broken', async () => {
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-25', note: '' }, owner.token);
    expect(await reconnected()).toBe(true);
    expect(scan('2026-01-25').promisesBroken).toBe(0);
    expect(await reconnected()).toBe(true);
    expect(scan('2026-01-26').promisesBroken).toBe(1);
    expect(scan('2026-01-26').promisesBroken).toBe(0);
    await t.core.jobs.runDue();
    expect(status()).toBe('isolated');
    expect(t.core.services.isolir.history(owner.tenantId, customerId)[0]).toMatchObject({ kind: 'isolate', reason: 'Janji bayar tidak ditepati', source: 'policy' });
    expect((await ok(t.core, 'billing.promises.list', { customerId }, owner.token))[0]?.status).toBe('broken');
  });

  it('a payment that clears the invoice keeps the promise at once, and nobody is isolated the morning after', async () => {
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-25', note: '' }, owner.token);
    await t.core.jobs.runDue();
    await ok(t.core, 'billing.payments.record', { requestKey: 'bayar-janji-1', customerId, amount: 150_000, method: 'cash' }, owner.token);
    await t.core.bus.drain();
    const [kept] = await ok(t.core, 'billing.promises.list', { customerId }, owner.token);
    expect(kept).toMatchObject({ status: 'kept', resolvedAt: new Date(t.clock.now()).toISOString() });
    expect(scan('2026-01-26').promisesBroken).toBe(0);
    await t.core.jobs.runDue();
    expect(status()).toBe('active');
  });

  it('a promise the daily scan finds paid (a payment recorded by another office) is kept', async () => {
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-25', note: '' }, owner.token);
    await t.core.jobs.runDue();
    markPaid(t.core, invoiceId);
    expect(scan('2026-01-26').promisesBroken).toBe(0);
    expect((await ok(t.core, 'billing.promises.list', { customerId }, owner.token))[0]?.status).toBe('kept');
  });

  it('a broken promise, then the payment: reconnected at once by the payment', async () => {
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-21', note: '' }, owner.token);
    await t.core.jobs.runDue();
    scan('2026-01-22');
    await t.core.jobs.runDue();
    expect(status()).toBe('isolated');
    const paid = await ok(t.core, 'billing.payments.record', { requestKey: 'bayar-janji-2', customerId, amount: 150_000, method: 'cash' }, owner.token);
    expect(paid.reconnect).toBe('requested');
    expect(await reconnected()).toBe(true);
  });

  it('while a promise runs, another invoice passing its grace does not isolate the customer', async () => {
    openInvoice(t.core, owner.tenantId, customerId, '2026-01-14');
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-27', note: '' }, owner.token);
    await t.core.jobs.runDue();
    expect(scan('2026-01-22').isolated).toBe(0);
    expect(await reconnected()).toBe(true);
  });

  it('refuses a day in the past or beyond the limit (7 days by default), a customer not isolated, and one with nothing owed', async () => {
    expect(await refusal('2026-01-19')).toEqual({ code: 'CONFLICT', fields: { promisedDate: expect.stringContaining('hari ini') } });
    expect(await refusal('2026-01-28')).toMatchObject({ code: 'CONFLICT', fields: { promisedDate: expect.any(String) } });
    expect((await promise('2026-01-27')).ok).toBe(true);
    await t.core.jobs.runDue();
    expect(await refusal('2026-01-27')).toEqual({ code: 'CONFLICT', fields: { customerId: 'Janji bayar hanya untuk pelanggan yang sedang diisolir.' } });
    markPaid(t.core, invoiceId);
    t.core.services.customers.setIsolated(owner.tenantId, customerId, true);
    expect(await refusal('2026-01-27')).toEqual({ code: 'CONFLICT', fields: { customerId: 'Pelanggan ini tidak punya tagihan yang belum dibayar.' } });
  });

  it('once per invoice, and at most 2 in 90 days (settings); a cancelled one counts for neither', async () => {
    const first = await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-21', note: '' }, owner.token);
    // Taken back: the customer is isolated again at once, the invoice being unpaid.
    expect((await ok(t.core, 'billing.promises.cancel', { id: first.id }, owner.token)).status).toBe('cancelled');
    await t.core.jobs.runDue();
    expect(status()).toBe('isolated');
    await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-21', note: '' }, owner.token);
    await t.core.jobs.runDue();
    scan('2026-01-22');
    await t.core.jobs.runDue();
    expect(status()).toBe('isolated');
    expect(await refusal('2026-01-24')).toEqual({ code: 'CONFLICT', fields: { customerId: 'Tagihan ini sudah pernah mendapat janji bayar.' } });

    // A second invoice: one more promise is allowed in the window, a third is not.
    markPaid(t.core, invoiceId);
    const second = openInvoice(t.core, owner.tenantId, customerId, '2026-01-12');
    expect((await promise('2026-01-24')).ok).toBe(true);
    await t.core.jobs.runDue();
    markPaid(t.core, second);
    scan('2026-01-23');
    openInvoice(t.core, owner.tenantId, customerId, '2026-01-13');
    t.core.services.customers.setIsolated(owner.tenantId, customerId, true);
    expect(await refusal('2026-01-24')).toEqual({ code: 'CONFLICT', fields: { customerId: 'Pelanggan ini sudah mencapai batas janji bayar untuk periode ini.' } });
    await ok(t.core, 'billing.loopSettings.update', { promiseMaxPerWindow: 3 }, owner.token);
    expect((await promise('2026-01-24')).ok).toBe(true);
  });

  it('finance and admins record promises; a technician may not', async () => {
    for (const role of ['finance', 'technician'] as const) {
      await ok(t.core, 'users.create', { username: role, displayName: role, role, password: `rahasia-${role}` }, owner.token);
    }
    const technician = (await ok(t.core, 'auth.login', { username: 'technician', password: 'rahasia-technician' })).token;
    const refused = await promise('2026-01-25', technician);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const finance = (await ok(t.core, 'auth.login', { username: 'finance', password: 'rahasia-finance' })).token;
    expect(await ok(t.core, 'billing.promises.create', { customerId, promisedDate: '2026-01-25', note: '' }, finance)).toMatchObject({ createdBy: 'finance' });
  });
});
