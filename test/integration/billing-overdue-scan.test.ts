import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { ConfirmingRouter, eventLog, openInvoice } from '../support/billing-loop.js';
import type { TimeZone } from '../../shared/util/time.js';

/**
 * The daily overdue scan (the seed's auto_isolir_worker) on a real SQLite file: which customers it
 * isolates through the isolir module, on which of the tenant's days, and that nothing happens twice.
 * The router confirms at the executor port; the RouterOS wire is in billing-loop-routeros.test.ts.
 */
describe('the overdue scan and auto-isolir', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let router: ConfirmingRouter;
  let routerId: string;
  let packageId: string;

  beforeEach(async () => {
    router = new ConfirmingRouter();
    t = createTestCore({ isolir: { executors: { forRouter: () => router } } });
    owner = await createOwner(t.core);
    routerId = t.core.services.routers.create(owner.tenantId, { name: 'Pusat', host: '192.168.88.1', username: 'rrnet', password: 'x' });
    packageId = await createPackage(t.core, owner.token);
  });

  afterEach(async () => {
    await t.cleanup();
  });

  const customer = async (n: number) => (await ok(t.core, 'customers.create', { ...customerInput(packageId, n), routerId }, owner.token)).id;
  const scan = (day: string) => t.core.services.billingLoop.runDay(owner.tenantId, day);
  // Through the service: the sign-in would expire over the weeks these tests move the clock.
  const isolirRequests = (customerId: string) => t.core.services.isolir.history(owner.tenantId, customerId).filter((a) => a.kind === 'isolate');
  const status = (id: string) => t.core.services.customers.get(owner.tenantId, id).status;

  it('isolates a customer the day after due date + grace days (default 7), not a day before, through isolir as policy', async () => {
    const id = await customer(1);
    openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    expect(scan('2026-01-18').isolated).toBe(0);
    expect(isolirRequests(id)).toHaveLength(0);
    expect(scan('2026-01-19').isolated).toBe(1);
    const [request] = isolirRequests(id);
    expect(request).toMatchObject({ source: 'policy', requestedBy: null, status: 'pending' });
    await t.core.jobs.runDue();
    expect(status(id)).toBe('isolated');
  });

  it("follows the tenant's grace days: 0 isolates the day after the due date", async () => {
    await ok(t.core, 'billing.settings.update', { graceDays: 0 }, owner.token);
    const id = await customer(1);
    openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    expect(scan('2026-01-11').isolated).toBe(0);
    expect(scan('2026-01-12').isolated).toBe(1);
  });

  it('leaves paid, partly covered-but-not-due, exempt and deactivated customers alone', async () => {
    const [paid, exempt, inactive, owing] = [await customer(1), await customer(2), await customer(3), await customer(4)];
    openInvoice(t.core, owner.tenantId, paid, '2026-01-02', 150_000, 150_000);
    t.core.db.prepare(`UPDATE invoices SET status = 'paid' WHERE customer_id = ?`).run(paid);
    openInvoice(t.core, owner.tenantId, exempt, '2026-01-02');
    openInvoice(t.core, owner.tenantId, inactive, '2026-01-02');
    openInvoice(t.core, owner.tenantId, owing, '2026-01-02', 150_000, 50_000);
    await ok(t.core, 'billing.exemptions.set', { customerId: exempt, reason: 'Kantor desa' }, owner.token);
    await ok(t.core, 'customers.deactivate', { id: inactive }, owner.token);
    expect(scan('2026-01-19').isolated).toBe(1);
    expect(isolirRequests(owing)).toHaveLength(1);
    for (const id of [paid, exempt, inactive]) expect(isolirRequests(id)).toHaveLength(0);
  });

  it('a rerun, and the next days, isolate nobody twice and say "overdue" once per invoice', async () => {
    const events = eventLog(t.core);
    const id = await customer(1);
    openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    expect(scan('2026-01-12')).toMatchObject({ noticed: 1, isolated: 0 });
    expect(scan('2026-01-12')).toMatchObject({ noticed: 0, isolated: 0 });
    expect(scan('2026-01-19')).toMatchObject({ noticed: 0, isolated: 1 });
    expect(scan('2026-01-19')).toMatchObject({ noticed: 0, isolated: 0 });
    await t.core.jobs.runDue();
    expect(scan('2026-01-20')).toMatchObject({ noticed: 0, isolated: 0 });
    await t.core.bus.drain();
    expect(events.of('invoice_overdue').map((e) => e.payload)).toEqual([{ invoiceId: expect.any(String), customerId: id, daysUntilIsolation: 7 }]);
    expect(isolirRequests(id)).toHaveLength(1);
    expect(router.calls).toEqual(['isolate pelanggan.1']);
  });

  it('does not overrule a person: a customer reconnected by hand stays connected for that invoice', async () => {
    const id = await customer(1);
    openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    scan('2026-01-19');
    await t.core.jobs.runDue();
    await ok(t.core, 'isolir.reconnect', { customerIds: [id], reason: 'Dijanjikan bayar minggu depan' }, owner.token);
    await t.core.jobs.runDue();
    expect(scan('2026-01-20').isolated).toBe(0);
    expect(status(id)).toBe('active');
    // The next unpaid invoice is a new decision.
    openInvoice(t.core, owner.tenantId, id, '2026-02-11');
    expect(scan('2026-02-19').isolated).toBe(1);
  });

  it('two cores on one database file scanning the same day isolate each customer once and notice each invoice once', async () => {
    const events = eventLog(t.core);
    const ids = [await customer(1), await customer(2), await customer(3)];
    for (const id of ids) openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    const other = createTestCore({ dataDir: t.dataDir, clock: t.clock, isolir: { executors: { forRouter: () => router } } });
    try {
      const results = await Promise.all([
        Promise.resolve().then(() => scan('2026-01-19')),
        Promise.resolve().then(() => other.core.services.billingLoop.runDay(owner.tenantId, '2026-01-19')),
      ]);
      expect(results.map((r) => r.isolated).sort()).toEqual([0, 3]);
      expect(results.map((r) => r.noticed).sort()).toEqual([0, 3]);
    } finally {
      await other.core.close();
    }
    await t.core.jobs.runDue();
    for (const id of ids) expect(isolirRequests(id)).toHaveLength(1);
    expect(router.calls).toHaveLength(3);
    await t.core.bus.drain();
    expect(events.of('invoice_overdue')).toHaveLength(3);
  });

  it('an exemption records who set it, when and why; cleared, the next scan isolates', async () => {
    const events = eventLog(t.core);
    const id = await customer(1);
    openInvoice(t.core, owner.tenantId, id, '2026-01-11');
    const set = await ok(t.core, 'billing.exemptions.set', { customerId: id, reason: 'Keluarga pemilik' }, owner.token);
    // Still told the invoice is overdue, never that an isolation is coming.
    scan('2026-01-12');
    await t.core.bus.drain();
    expect(events.of('invoice_overdue').map((e) => e.payload.daysUntilIsolation)).toEqual([0]);
    expect(set).toMatchObject({ customerId: id, customerName: 'Pelanggan 1', reason: 'Keluarga pemilik', setBy: 'Bu Pemilik', setAt: new Date(t.clock.now()).toISOString() });
    expect(await ok(t.core, 'billing.exemptions.list', {}, owner.token)).toEqual([set]);
    expect(scan('2026-01-19').isolated).toBe(0);
    expect(await ok(t.core, 'billing.exemptions.clear', { customerId: id }, owner.token)).toEqual({ cleared: true });
    expect(await ok(t.core, 'billing.exemptions.list', {}, owner.token)).toEqual([]);
    expect(scan('2026-01-20').isolated).toBe(1);
  });

  it('lets only the owner and admins exempt a customer; finance reads the list', async () => {
    const id = await customer(1);
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-keuangan' }, owner.token);
    const finance = (await ok(t.core, 'auth.login', { username: 'keuangan', password: 'rahasia-keuangan' })).token;
    const refused = await call(t.core, 'billing.exemptions.set', { customerId: id, reason: 'x' }, finance);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(await ok(t.core, 'billing.exemptions.list', {}, finance)).toEqual([]);
  });

  describe("runs on the tenant's own day", () => {
    // 23:30 UTC on the 18th: 06:30 on the 19th in WIB, 07:30 in WITA, 08:30 in WIT (past the 08:00 scan).
    const NIGHT = Date.UTC(2026, 0, 18, 23, 30);
    it.each<[TimeZone, number]>([
      ['Asia/Jakarta', 0],
      ['Asia/Makassar', 0],
      ['Asia/Jayapura', 1],
    ])('%s: the scheduled scan at 23:30 UTC isolates %i', async (zone, isolated) => {
      await ok(t.core, 'tenant.update', { timezone: zone }, owner.token);
      const id = await customer(1);
      openInvoice(t.core, owner.tenantId, id, '2026-01-11');
      // The schedule is first seen at the start: it begins with its next slot.
      t.core.scheduler.tick();
      t.clock.set(NIGHT);
      t.core.scheduler.tick();
      await t.core.jobs.runDue();
      expect(isolirRequests(id)).toHaveLength(isolated);
      // 08:30 in WIB: the 19th's scan has come for everyone.
      t.clock.set(Date.UTC(2026, 0, 19, 1, 30));
      t.core.scheduler.tick();
      await t.core.jobs.runDue();
      expect(isolirRequests(id)).toHaveLength(1);
    });
  });
});
