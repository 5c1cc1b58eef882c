import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { eventLog, markPaid, openInvoice } from '../support/billing-loop.js';

/** The reminder schedule of the daily scan: which step goes on which of the tenant's days, once ever. */
describe('invoice reminders', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let customerId: string;
  let invoiceId: string;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    const packageId = await createPackage(t.core, owner.token);
    customerId = (await ok(t.core, 'customers.create', customerInput(packageId, 1), owner.token)).id;
    invoiceId = openInvoice(t.core, owner.tenantId, customerId, '2026-01-15');
  });

  afterEach(async () => {
    await t.cleanup();
  });

  const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}`;
  const scanDays = (...days: number[]) => days.map((n) => t.core.services.billingLoop.runDay(owner.tenantId, day(n)).reminders);

  it('by default reminds 3 days and 1 day before and on the due day, each once, however often the scan runs', async () => {
    const events = eventLog(t.core);
    expect(scanDays(11, 12, 12, 13, 14, 14, 15, 15, 16, 17)).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 0, 0]);
    await t.core.bus.drain();
    expect(events.of('invoice_due_reminder').map((e) => e.payload)).toEqual([
      { invoiceId, customerId, step: -3 },
      { invoiceId, customerId, step: -1 },
      { invoiceId, customerId, step: 0 },
    ]);
    // "Overdue" is the last step: said once, the day after the due date.
    expect(events.of('invoice_overdue').map((e) => e.payload.invoiceId)).toEqual([invoiceId]);
  });

  it('a day the app was off is caught up with that step, not with every step missed', async () => {
    const events = eventLog(t.core);
    expect(scanDays(13, 14)).toEqual([1, 1]);
    await t.core.bus.drain();
    expect(events.of('invoice_due_reminder').map((e) => e.payload.step)).toEqual([-3, -1]);
  });

  it('never reminds of a paid invoice, nor a deactivated customer', async () => {
    markPaid(t.core, invoiceId);
    expect(scanDays(12, 14, 15)).toEqual([0, 0, 0]);
    openInvoice(t.core, owner.tenantId, customerId, '2026-01-25');
    await ok(t.core, 'customers.deactivate', { id: customerId }, owner.token);
    expect(scanDays(22, 24, 25, 26)).toEqual([0, 0, 0, 0]);
  });

  it('follows the schedule the owner sets, days after the due date too', async () => {
    const settings = await ok(t.core, 'billing.loopSettings.update', { reminderDays: [2, -5, -5] }, owner.token);
    expect(settings.reminderDays).toEqual([-5, 2]);
    expect(scanDays(9, 10, 11, 15, 16, 17, 18)).toEqual([0, 1, 0, 0, 0, 1, 0]);
  });

  it('two cores on one database file running the same day send each reminder once', async () => {
    const events = eventLog(t.core);
    const other = createTestCore({ dataDir: t.dataDir, clock: t.clock });
    try {
      const counts = await Promise.all([
        Promise.resolve().then(() => t.core.services.billingLoop.runDay(owner.tenantId, day(12)).reminders),
        Promise.resolve().then(() => other.core.services.billingLoop.runDay(owner.tenantId, day(12)).reminders),
      ]);
      expect(counts.sort()).toEqual([0, 1]);
    } finally {
      await other.core.close();
    }
    await t.core.bus.drain();
    expect(events.of('invoice_due_reminder')).toHaveLength(1);
  });

  it('tells the customer on WhatsApp with the amount in rupiah, the period, the due date and the payment link', async () => {
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    await ok(t.core, 'billing.settings.update', { paymentUrlPattern: 'https://bayar.example/{{invoice_number}}' }, owner.token);
    scanDays(12);
    await t.core.bus.drain();
    const content = t.core.db.prepare(`SELECT content FROM wa_messages WHERE template_key = 'invoice_due_reminder'`).pluck().all() as string[];
    expect(content).toHaveLength(1);
    expect(content[0]).toMatch(/tagihan Rp\s150\.000 jatuh tempo pada 15 Januari 2026/);
    expect(content[0]).toContain('periode Januari 2026');
    expect(content[0]).toMatch(/\nBayar online: https:\/\/bayar\.example\/INV%2F202601%2FA-\d{5}\n/);
  });

  it('lets the owner and admins set the schedule, not finance', async () => {
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-keuangan' }, owner.token);
    const finance = (await ok(t.core, 'auth.login', { username: 'keuangan', password: 'rahasia-keuangan' })).token;
    const refused = await call(t.core, 'billing.loopSettings.update', { reminderDays: [] }, finance);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect((await ok(t.core, 'billing.loopSettings.get', {}, finance)).reminderDays).toEqual([-3, -1, 0]);
  });
});
