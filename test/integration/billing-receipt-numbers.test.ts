import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations, openDatabase } from '../../main/db/index.js';
import { createTestCore, login, makeTempDir, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';

let t: TestCore | undefined;
afterEach(() => t?.cleanup());

let keys = 0;
const key = () => `kw-${String(++keys).padStart(6, '0')}`;

async function setUp(zone: 'Asia/Jakarta' | 'Asia/Jayapura' = 'Asia/Jakarta') {
  const core = createTestCore({ clock: pinnedClock(localTime(zone, 2026, 12, 3, 10, 0)) });
  t = core;
  const o = await billingTenant(core.core, zone);
  const [customerId] = seedCustomers(core.core, o.tenantId, o.packageId, 1, { billingDay: () => 1 }) as [string];
  const pay = (amount: number, requestKey = key(), on = core) =>
    ok(on.core, 'billing.payments.record', { requestKey, customerId, amount, method: 'cash', reference: '' }, o.token);
  return { core, o, customerId, pay };
}

describe('receipt numbers: KW/YYYYMM/<office>-NNNNN per tenant, office and month', () => {
  it('numbers payments and reversals in one sequence, restarts each month in the tenant zone, and follows the office code', async () => {
    const { core, o, pay } = await setUp('Asia/Jayapura');
    const first = await pay(50_000);
    const second = await pay(60_000);
    expect([first.payment.number, second.payment.number]).toEqual(['KW/202612/A-00001', 'KW/202612/A-00002']);
    // A reversal is an entry of its own, read aloud too: the next number, so the month has no gap.
    const reversal = await ok(core.core, 'billing.payments.reverse', { paymentId: first.payment.id, reason: 'Salah pelanggan' }, o.token);
    expect(reversal.number).toBe('KW/202612/A-00003');
    // The history and the payment's own view carry it.
    const history = await ok(core.core, 'billing.payments.list', {}, o.token);
    expect(history.items.map((p) => p.number)).toEqual(['KW/202612/A-00003', 'KW/202612/A-00002', 'KW/202612/A-00001']);

    // 1 January 00:30 WIT is still 31 December in UTC: the month is the tenant's.
    core.clock.set(localTime('Asia/Jayapura', 2027, 1, 1, 0, 30));
    const token = await login(core.core, OWNER.username, OWNER.password);
    await ok(core.core, 'billing.settings.update', { officeCode: 'B2' }, token);
    const january = await ok(core.core, 'billing.payments.record', { requestKey: key(), customerId: first.payment.customerId, amount: 10_000, method: 'cash', reference: '' }, token);
    expect(january.payment.number).toBe('KW/202701/B2-00001');
    // Invoices keep their own sequence beside the receipts'.
    expect((await ok(core.core, 'billing.invoices.generate', {}, token)).created).toBe(1);
    expect((await ok(core.core, 'billing.invoices.list', { period: '2027-01' }, token)).items[0]?.number).toBe('INV/202701/B2-00001');
  });

  it('a replayed request key answers the same number; parallel payments (one core and two cores on one file) get different ones', async () => {
    const { core, pay } = await setUp();
    const replayed = key();
    const second = createTestCore({ dataDir: core.dataDir, clock: core.clock });
    try {
      const results = await Promise.all([
        pay(10_000, replayed),
        pay(10_000, replayed, second),
        pay(20_000),
        pay(30_000, key(), second),
        pay(40_000),
        pay(10_000, replayed),
      ]);
      const numbers = results.map((r) => r.payment.number);
      expect(new Set([numbers[0], numbers[1], numbers[5]]).size).toBe(1);
      const distinct = [...new Set(numbers)].sort();
      expect(distinct).toEqual(['KW/202612/A-00001', 'KW/202612/A-00002', 'KW/202612/A-00003', 'KW/202612/A-00004']);
      // Asked again later, the replay still says its first number.
      expect((await pay(10_000, replayed)).payment.number).toBe(numbers[0]);
    } finally {
      second.cleanup();
    }
  });

  it('the UNIQUE index refuses a second entry with a number already used', async () => {
    const { core, o, pay } = await setUp();
    const first = await pay(10_000);
    const row = core.core.db.prepare('SELECT * FROM payments WHERE id = ?').get(first.payment.id) as Record<string, unknown>;
    expect(() =>
      core.core.db.prepare(`INSERT INTO payments (id, tenant_id, customer_id, kind, number, method, amount, received_at, local_date, request_key)
        VALUES ('01KA0000000000000000000009', ?, ?, 'payment', ?, 'cash', 1, 0, '2026-12-03', 'other')`).run(o.tenantId, row.customer_id, row.number),
    ).toThrow(/UNIQUE/);
  });
});

describe('migration 030 on a file with payments and a prorated invoice', () => {
  it('numbers existing entries in the order received, per tenant and month, continues after them, and gives back the prorated start day', () => {
    const dir = makeTempDir();
    const db = openDatabase(join(dir, 'rrnet.sqlite'));
    try {
      migrate(db, migrations.filter((m) => m.version < 30));
      const now = '2026-01-05T02:00:00.000Z';
      for (const tenant of ['T1', 'T2']) {
        db.prepare(`INSERT INTO tenants (id, tenant_id, name, timezone, plan, status, created_at, updated_at) VALUES (?, ?, ?, 'Asia/Jakarta', 'basic', 'active', ?, ?)`).run(
          tenant, tenant, tenant, now, now,
        );
      }
      db.prepare(`INSERT INTO billing_settings (tenant_id, ppn_bps, due_days, grace_days, prorate_first_month, invoice_isolated, invoice_inactive,
        payment_url_pattern, office_code, notify_invoice_created, updated_at) VALUES ('T2', 0, 10, 7, 1, 1, 0, '', 'K', 0, 0)`).run();
      const add = db.prepare(`INSERT INTO payments (id, tenant_id, customer_id, kind, reverses_id, method, amount, received_at, local_date, request_key)
        VALUES (?, ?, 'C', ?, ?, 'cash', 1000, ?, ?, ?)`);
      // Inserted out of order: the numbers follow received_at.
      add.run('P3', 'T1', 'payment', null, 300, '2026-12-31', 'k3');
      add.run('P1', 'T1', 'payment', null, 100, '2026-12-01', 'k1');
      add.run('P2', 'T1', 'reversal', 'P1', 200, '2026-12-02', 'k2');
      add.run('P4', 'T1', 'payment', null, 400, '2027-01-01', 'k4');
      add.run('P5', 'T2', 'payment', null, 150, '2026-12-01', 'k5');
      db.prepare(`INSERT INTO invoices (id, tenant_id, customer_id, customer_name, customer_code, kind, period, office, number, issue_date, due_date,
        subtotal, ppn_bps, ppn_amount, total, status, created_at, updated_at)
        VALUES ('I1', 'T1', 'C', 'x', 'x', 'monthly', '2026-01', 'A', 'INV/202601/A-00001', '2026-01-17', '2026-01-27', 72581, 0, 0, 72581, 'unpaid', 0, 0)`).run();
      db.prepare(`INSERT INTO invoice_lines (id, tenant_id, invoice_id, kind, description, amount, created_at)
        VALUES ('L1', 'T1', 'I1', 'proration', 'Paket (Promo) 10/20 Mbps (15/31 hari)', 72581, 0)`).run();
      db.prepare(`INSERT INTO invoice_sequences (tenant_id, office, period, last) VALUES ('T1', 'A', '2026-01', 1)`).run();

      expect(migrate(db, migrations)).toContain(30);
      expect(db.prepare('SELECT id, number FROM payments ORDER BY id').all()).toEqual([
        { id: 'P1', number: 'KW/202612/A-00001' },
        { id: 'P2', number: 'KW/202612/A-00002' },
        { id: 'P3', number: 'KW/202612/A-00003' },
        { id: 'P4', number: 'KW/202701/A-00001' },
        { id: 'P5', number: 'KW/202612/K-00001' },
      ]);
      expect(db.prepare(`SELECT series, office, period, last FROM invoice_sequences WHERE tenant_id = 'T1' ORDER BY series, period`).all()).toEqual([
        { series: 'INV', office: 'A', period: '2026-01', last: 1 },
        { series: 'KW', office: 'A', period: '2026-12', last: 3 },
        { series: 'KW', office: 'A', period: '2027-01', last: 1 },
      ]);
      expect(db.prepare(`SELECT period_start FROM invoices WHERE id = 'I1'`).pluck().get()).toBe('2026-01-17');
      // The ledger is append-only again once numbered.
      expect(() => db.prepare(`UPDATE payments SET number = 'x' WHERE id = 'P1'`).run()).toThrow(/ledger/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
