import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, login, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';
import { customerInput } from '../support/customers.js';
import { proratedPrice } from '../../main/billing/invoice-generator.js';
import { InvoiceStore } from '../../main/billing/invoice-store.js';
import type { TimeZone } from '../../shared/util/time.js';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const invoicesOf = (tc: TestCore) =>
  tc.core.db.prepare('SELECT customer_id, period, issue_date, due_date, number, total, status FROM invoices ORDER BY number').all() as {
    customer_id: string;
    period: string;
    issue_date: string;
    due_date: string;
    number: string;
    total: number;
    status: string;
  }[];

describe('monthly invoice generation', () => {
  it.each<[TimeZone]>([['Asia/Jakarta'], ['Asia/Makassar'], ['Asia/Jayapura']])(
    'in %s: a run at 23:59 on the 30th invoices November, a run at 00:01 on the 1st invoices December, a rerun nothing',
    async (zone) => {
      t = createTestCore({ clock: pinnedClock(localTime(zone, 2026, 11, 30, 23, 59)) });
      const o = await billingTenant(t.core, zone);
      seedCustomers(t.core, o.tenantId, o.packageId, 1, { billingDay: () => 1 });
      const late = await ok(t.core, 'billing.invoices.generate', {}, o.token);
      expect(late).toMatchObject({ period: '2026-11', created: 1 });
      t.clock.advance(2 * 60_000);
      // 00:01 local is still the 30th in UTC (and in WIB for WIT): the local day decides.
      const early = await ok(t.core, 'billing.invoices.generate', {}, o.token);
      expect(early).toMatchObject({ period: '2026-12', created: 1, alreadyInvoiced: 0 });
      expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ period: '2026-12', created: 0, alreadyInvoiced: 1 });
      expect(invoicesOf(t).map((i) => [i.period, i.issue_date, i.due_date, i.number])).toEqual([
        ['2026-11', '2026-11-30', '2026-12-10', 'INV/202611/A-00001'],
        ['2026-12', '2026-12-01', '2026-12-11', 'INV/202612/A-00001'],
      ]);
    },
  );

  it('billing day 28 in February: not on the 27th at 23:59, on the 28th at 00:01', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2027, 2, 27, 23, 59)) });
    const o = await billingTenant(t.core);
    seedCustomers(t.core, o.tenantId, o.packageId, 3, { billingDay: () => 28 });
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ period: '2027-02', created: 0, notYetDue: 3 });
    t.clock.advance(2 * 60_000);
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ period: '2027-02', created: 3, notYetDue: 0 });
    expect(invoicesOf(t).map((i) => [i.issue_date, i.due_date])).toEqual(Array(3).fill(['2027-02-28', '2027-03-10']));
  });

  it('a clock moved back into last month issues no older invoice to a customer already invoiced for this month', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 1, 0, 1)) });
    const o = await billingTenant(t.core);
    seedCustomers(t.core, o.tenantId, o.packageId, 2, { billingDay: () => 1 });
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ created: 2 });
    t.clock.set(localTime('Asia/Jakarta', 2026, 11, 30, 22, 0));
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ period: '2026-11', created: 0, alreadyInvoiced: 2 });
    t.clock.set(localTime('Asia/Jakarta', 2026, 12, 1, 8, 0));
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ period: '2026-12', created: 0 });
    expect(invoicesOf(t)).toHaveLength(2);
  });

  it('catches up a billing day that passed while the app was closed, from the daily schedule after a restart', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 3, 12, 0)) });
    const o = await billingTenant(t.core);
    seedCustomers(t.core, o.tenantId, o.packageId, 4, { billingDay: (i) => [2, 5, 9, 20][i] as number });
    t.core.scheduler.tick(); // first sight of the schedule: it starts at its next slot
    await t.core.close();
    t.clock.set(localTime('Asia/Jakarta', 2026, 12, 10, 9, 0)); // closed over the 5th and the 9th
    await t.restart();
    await until(() => invoicesOf(t as TestCore).length === 3);
    expect(invoicesOf(t).map((i) => i.issue_date)).toEqual(['2026-12-10', '2026-12-10', '2026-12-10']);
  });

  it('two runs at once (two calls in parallel, and two cores on one file) make each invoice once', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 28, 9, 0)) });
    const o = await billingTenant(t.core);
    seedCustomers(t.core, o.tenantId, o.packageId, 3_000);
    const second = createTestCore({ dataDir: t.dataDir, clock: t.clock });
    try {
      const runs = await Promise.all([
        ok(t.core, 'billing.invoices.generate', {}, o.token),
        ok(second.core, 'billing.invoices.generate', {}, o.token),
        ok(t.core, 'billing.invoices.generate', {}, o.token),
      ]);
      expect(runs.reduce((n, r) => n + r.created, 0)).toBe(3_000);
      const rows = invoicesOf(t);
      expect(rows).toHaveLength(3_000);
      expect(new Set(rows.map((r) => r.customer_id)).size).toBe(3_000);
      expect(rows.at(-1)?.number).toBe('INV/202612/A-03000');
    } finally {
      await second.core.close();
    }
  });

  it('the UNIQUE index alone refuses a second monthly invoice for a customer and period (what an overlapping run from another process meets)', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 28, 9, 0)) });
    const o = await billingTenant(t.core);
    const [customerId] = seedCustomers(t.core, o.tenantId, o.packageId, 1) as [string];
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    const again = {
      id: '01KA0000000000000000000001',
      customerId,
      customerName: 'x',
      customerCode: 'x',
      packageId: o.packageId,
      kind: 'monthly' as const,
      period: '2026-12',
      number: 'INV/202612/Z-00001',
      periodStart: null,
      issueDate: '2026-12-28',
      dueDate: '2027-01-07',
      ppnBps: 0,
      requestKey: null,
      runId: null,
      createdBy: null,
      lines: [{ id: '01KA0000000000000000000001', kind: 'package' as const, description: 'x', amount: 1 }],
    };
    const db = t.core.db;
    const created = db.transaction(() => new InvoiceStore(db).insertMany(o.tenantId, 'Z', [again], 0))();
    expect(created.size).toBe(0);
    expect(invoicesOf(t)).toHaveLength(1);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM invoice_lines').pluck().get()).toBe(1);
  });

  it('50,000 customers are all invoiced, numbered without a gap, and the rerun makes nothing', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 28, 1, 0)) });
    const o = await billingTenant(t.core);
    seedCustomers(t.core, o.tenantId, o.packageId, 50_000);
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ created: 50_000, notYetDue: 0 });
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ created: 0, alreadyInvoiced: 50_000 });
    const stats = t.core.db
      .prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT customer_id) AS customers, COUNT(DISTINCT number) AS numbers, MAX(number) AS last FROM invoices WHERE period = '2026-12'")
      .get();
    expect(stats).toEqual({ n: 50_000, customers: 50_000, numbers: 50_000, last: 'INV/202612/A-50000' });
    expect(t.core.db.prepare('SELECT COUNT(*) FROM invoice_lines').pluck().get()).toBe(50_000);
  }, 240_000);

  it('follows the tenant policy for isolated and deactivated customers', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 12, 28, 9, 0)) });
    const o = await billingTenant(t.core);
    const [active, isolated, inactive] = seedCustomers(t.core, o.tenantId, o.packageId, 3) as [string, string, string];
    t.core.services.customers.setIsolated(o.tenantId, isolated, true);
    t.core.services.customers.deactivate(o.tenantId, inactive);
    await ok(t.core, 'billing.settings.update', { invoiceIsolated: false }, o.token);
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ created: 1, excluded: 2 });
    await ok(t.core, 'billing.settings.update', { invoiceIsolated: true, invoiceInactive: true }, o.token);
    expect(await ok(t.core, 'billing.invoices.generate', {}, o.token)).toMatchObject({ created: 2, alreadyInvoiced: 1 });
    expect(new Set(invoicesOf(t).map((i) => i.customer_id))).toEqual(new Set([active, isolated, inactive]));
  });

  it('prices the package, prorates the first month when asked, and adds PPN as its own amount', async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 1, 17, 10, 0)) });
    const o = await billingTenant(t.core);
    await ok(t.core, 'billing.settings.update', { prorateFirstMonth: true, ppnBps: 1100 }, o.token);
    const c = await ok(t.core, 'customers.create', customerInput(o.packageId, 1, { billingDay: 5 }), o.token);
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    const [row] = (await ok(t.core, 'billing.invoices.list', { customerId: c.id }, o.token)).items;
    const invoice = await ok(t.core, 'billing.invoices.get', { id: row?.id as string }, o.token);
    // 17..31 January: 15 of 31 days of Rp150.000 = 72.580,6 -> 72.581; PPN 11 % = 7.983,9 -> 7.984.
    expect(invoice.lines).toMatchObject([{ kind: 'proration', amount: 72_581, description: 'Hemat 10 Mbps (15/31 hari)' }]);
    expect(invoice).toMatchObject({ subtotal: 72_581, ppnBps: 1100, ppnAmount: 7_984, total: 80_565, status: 'unpaid' });
    t.clock.set(localTime('Asia/Jakarta', 2026, 2, 5, 10, 0));
    const token = await login(t.core, OWNER.username, OWNER.password);
    await ok(t.core, 'billing.invoices.generate', {}, token);
    const february = (await ok(t.core, 'billing.invoices.list', { customerId: c.id, period: '2026-02' }, token)).items[0];
    expect(february).toMatchObject({ subtotal: 150_000, ppnAmount: 16_500, total: 166_500 });
  });

  it('proration: a customer starting on the 1st pays the full month', () => {
    expect(proratedPrice(150_000, '2026-01-01', '2026-01')).toBeNull();
    expect(proratedPrice(150_000, '2025-12-20', '2026-01')).toBeNull();
    expect(proratedPrice(100_000, '2028-02-29', '2028-02')).toEqual({ amount: 3_448, days: 1, of: 29 });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}
