import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestCore, login, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';

/** A tiny valid PNG (1x1). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let t: TestCore;
let o: Awaited<ReturnType<typeof billingTenant>>;
let customerId: string;
let keys = 0;
const key = () => `key-${String(++keys).padStart(6, '0')}`;

beforeEach(async () => {
  t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 2, 9, 0)) });
  o = await billingTenant(t.core);
  [customerId] = seedCustomers(t.core, o.tenantId, o.packageId, 1, { billingDay: () => 1 }) as [string];
});
afterEach(() => t.cleanup());

const generate = () => ok(t.core, 'billing.invoices.generate', {}, o.token);
const pay = (amount: number, extra: Partial<Parameters<typeof ok<'billing.payments.record'>>[2]> = {}) =>
  ok(t.core, 'billing.payments.record', { requestKey: key(), customerId, amount, method: 'cash', ...extra }, o.token);
const invoices = async () => (await ok(t.core, 'billing.invoices.list', { customerId }, o.token)).items.reverse();
const balance = () => ok(t.core, 'billing.customers.balance', { customerId }, o.token);
/** Every invoice's paid equals what the ledger allocated to it. */
const ledgerAgrees = () =>
  t.core.db.prepare('SELECT COUNT(*) FROM invoices i WHERE paid <> (SELECT COALESCE(SUM(amount), 0) FROM payment_allocations WHERE invoice_id = i.id)').pluck().get();

/** Weeks later: the clock moves and the owner signs in again (sessions expire). */
async function moveTo(ms: number) {
  t.clock.set(ms);
  o.token = await login(t.core, OWNER.username, OWNER.password);
}

async function twoMonths() {
  await generate(); // November
  await moveTo(localTime('Asia/Jakarta', 2026, 12, 1, 9, 0));
  await generate(); // December
}

describe('payments', () => {
  it('pay the oldest invoice first, partly then fully; an overpayment is credit the next invoice uses', async () => {
    await twoMonths();
    const first = await pay(100_000);
    expect(first).toMatchObject({ invoicesPaid: [], credit: 0, owed: 200_000, reconnect: 'none' });
    expect((await invoices()).map((i) => [i.period, i.status, i.paid])).toEqual([['2026-11', 'partial', 100_000], ['2026-12', 'unpaid', 0]]);
    const second = await pay(250_000, { method: 'bank', reference: 'BCA 123' });
    expect(second.invoicesPaid).toHaveLength(2);
    expect(second).toMatchObject({ credit: 50_000, owed: 0 });
    expect(second.payment.allocations.map((a) => [a.invoiceNumber, a.amount])).toEqual([['INV/202611/A-00001', 50_000], ['INV/202612/A-00001', 150_000]]);
    await moveTo(localTime('Asia/Jakarta', 2027, 1, 1, 9, 0));
    await generate(); // January: the credit is an allocation on it, not a line
    const january = (await invoices())[2];
    expect(january).toMatchObject({ period: '2027-01', status: 'partial', paid: 50_000, balance: 100_000, total: 150_000 });
    expect((await ok(t.core, 'billing.invoices.get', { id: january?.id as string }, o.token)).lines).toHaveLength(1);
    expect(await balance()).toMatchObject({ credit: 0, owed: 100_000, unpaidInvoices: 1 });
    expect(ledgerAgrees()).toBe(0);
  });

  it('a double click records one payment: two calls with one request key in parallel', async () => {
    await generate();
    const input = { requestKey: 'double-click-1', customerId, amount: 150_000, method: 'cash' as const };
    const [a, b] = await Promise.all([ok(t.core, 'billing.payments.record', input, o.token), ok(t.core, 'billing.payments.record', input, o.token)]);
    expect(a.payment.id).toBe(b.payment.id);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(1);
    expect((await invoices())[0]).toMatchObject({ status: 'paid', paid: 150_000 });
    const reused = await call(t.core, 'billing.payments.record', { ...input, amount: 1_000 }, o.token);
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a reversal is a new entry that undoes the payment; the ledger refuses edits and deletes', async () => {
    await twoMonths();
    const { payment } = await pay(400_000);
    expect(await balance()).toMatchObject({ credit: 100_000, owed: 0 });
    const reversal = await ok(t.core, 'billing.payments.reverse', { paymentId: payment.id, reason: 'Salah pelanggan' }, o.token);
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: payment.id, amount: 400_000, note: 'Salah pelanggan' });
    expect(reversal.allocations.map((a) => a.amount)).toEqual([-150_000, -150_000]);
    expect((await invoices()).map((i) => i.status)).toEqual(['unpaid', 'unpaid']);
    expect(await balance()).toMatchObject({ credit: 0, owed: 300_000 });
    const again = await call(t.core, 'billing.payments.reverse', { paymentId: payment.id, reason: 'lagi' }, o.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const history = await ok(t.core, 'billing.payments.list', { customerId }, o.token);
    expect(history.items.map((p) => [p.kind, p.amount, p.reversedById])).toEqual([['reversal', 400_000, null], ['payment', 400_000, reversal.id]]);
    expect(() => t.core.db.prepare('UPDATE payments SET amount = 1').run()).toThrow(/ledger/);
    expect(() => t.core.db.prepare('DELETE FROM payments').run()).toThrow(/ledger/);
    expect(() => t.core.db.prepare('UPDATE payment_allocations SET amount = 1').run()).toThrow(/ledger/);
    expect(() => t.core.db.prepare('DELETE FROM payment_allocations').run()).toThrow(/ledger/);
    expect(ledgerAgrees()).toBe(0);
  });

  it('an invoice with money on it is voided only after the payment is reversed; void keeps reason and who', async () => {
    await generate();
    const [invoice] = await invoices();
    const { payment } = await pay(50_000);
    const refused = await call(t.core, 'billing.invoices.void', { invoiceId: invoice?.id as string, reason: 'Dobel' }, o.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { invoiceId: expect.stringContaining('balik') } } });
    await ok(t.core, 'billing.payments.reverse', { paymentId: payment.id, reason: 'Dobel' }, o.token);
    const voided = await ok(t.core, 'billing.invoices.void', { invoiceId: invoice?.id as string, reason: 'Dobel' }, o.token);
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Dobel', voidedBy: 'Bu Pemilik', balance: 0, paymentUrl: null });
  });

  it('discounts and one-off charges are lines; a paid invoice takes no more', async () => {
    await ok(t.core, 'billing.settings.update', { ppnBps: 1100 }, o.token);
    await generate();
    const [invoice] = await invoices();
    const id = invoice?.id as string;
    await ok(t.core, 'billing.invoices.addLine', { invoiceId: id, kind: 'charge', description: 'Biaya pemasangan', amount: 200_000 }, o.token);
    const after = await ok(t.core, 'billing.invoices.addLine', { invoiceId: id, kind: 'discount', description: 'Diskon tetangga', amount: 50_000 }, o.token);
    expect(after.lines.map((l) => [l.kind, l.amount])).toEqual([['package', 150_000], ['charge', 200_000], ['discount', -50_000]]);
    expect(after).toMatchObject({ subtotal: 300_000, ppnAmount: 33_000, total: 333_000 });
    await pay(333_000);
    const closed = await call(t.core, 'billing.invoices.addLine', { invoiceId: id, kind: 'charge', description: 'x', amount: 1 }, o.token);
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const oneOff = await ok(t.core, 'billing.invoices.create', { requestKey: 'one-off-0001', customerId, lines: [{ kind: 'charge', description: 'Ganti router', amount: 250_000 }] }, o.token);
    expect(oneOff).toMatchObject({ kind: 'one_off', number: 'INV/202611/A-00002', total: 277_500, status: 'unpaid' });
    const same = await ok(t.core, 'billing.invoices.create', { requestKey: 'one-off-0001', customerId, lines: [{ kind: 'charge', description: 'Ganti router', amount: 250_000 }] }, o.token);
    expect(same.id).toBe(oneOff.id);
  });

  it('a second office numbers its invoices with its own code', async () => {
    await generate();
    await ok(t.core, 'billing.settings.update', { officeCode: 'b' }, o.token);
    const oneOff = await ok(t.core, 'billing.invoices.create', { requestKey: 'office-b-0001', customerId, lines: [{ kind: 'charge', description: 'Pasang', amount: 100_000 }] }, o.token);
    expect((await invoices()).map((i) => i.number)).toEqual(['INV/202611/A-00001', 'INV/202611/B-00001']);
    expect(oneOff.number).toBe('INV/202611/B-00001');
  });

  it('keeps a transfer proof photo in the data folder under the tenant; refuses a non-image and a transfer without reference', async () => {
    await generate();
    const { payment } = await pay(150_000, { method: 'ewallet', reference: 'DANA 889', proof: { contentType: 'image/png', base64: PNG } });
    expect(payment.hasProof).toBe(true);
    const path = t.core.db.prepare('SELECT proof_path FROM payments WHERE id = ?').pluck().get(payment.id) as string;
    expect(path).toBe(join('proofs', o.tenantId, `${payment.id}.png`));
    expect(readFileSync(join(t.dataDir, path)).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const fake = await call(t.core, 'billing.payments.record', { requestKey: key(), customerId, amount: 1, method: 'bank', reference: 'x', proof: { contentType: 'image/jpeg', base64: PNG } }, o.token);
    expect(fake).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { proof: expect.any(String) } } });
    const noRef = await call(t.core, 'billing.payments.record', { requestKey: key(), customerId, amount: 1, method: 'bank' }, o.token);
    expect(noRef).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { reference: expect.any(String) } } });
    const big = await call(t.core, 'billing.payments.record', { requestKey: key(), customerId, amount: 1, method: 'bank', reference: 'x', proof: { contentType: 'image/png', base64: 'A'.repeat(3_000_000) } }, o.token);
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(existsSync(join(t.dataDir, 'proofs', o.tenantId))).toBe(true);
  });

  it('the money cards and the closing: collected by method and by staff, less reversals', async () => {
    await twoMonths();
    await pay(150_000);
    const { payment } = await pay(100_000, { method: 'bank', reference: 'BRI 1' });
    await pay(20_000, { method: 'ewallet', reference: 'OVO 2' });
    await ok(t.core, 'billing.payments.reverse', { paymentId: payment.id, reason: 'Dobel' }, o.token);
    const summary = await ok(t.core, 'billing.summary', {}, o.token);
    expect(summary).toMatchObject({ today: '2026-12-01', collectedToday: 170_000, collectedThisMonth: 170_000, unpaidCount: 1, unpaidTotal: 130_000, dueThisWeekCount: 0, creditTotal: 0 });
    const daily = await ok(t.core, 'billing.reports.closing', { kind: 'daily', date: '2026-12-01' }, o.token);
    expect(daily).toMatchObject({ collected: 170_000, payments: 270_000, reversed: 100_000, invoices: { issued: 1, amount: 150_000 } });
    expect(daily.byMethod).toEqual([{ method: 'bank', amount: 0, count: 1 }, { method: 'cash', amount: 150_000, count: 1 }, { method: 'ewallet', amount: 20_000, count: 1 }]);
    expect(daily.byStaff).toEqual([{ userId: o.userId, name: 'Bu Pemilik', amount: 170_000, count: 3 }]);
    const november = await ok(t.core, 'billing.reports.closing', { kind: 'monthly', period: '2026-11' }, o.token);
    expect(november).toMatchObject({ from: '2026-11-01', to: '2026-11-30', collected: 0, invoices: { issued: 1, paid: 1 } });
  });

  it('the overdue loop reads past-due invoices, marks each reminder once, and "overdue" broadcasts reach those customers', async () => {
    seedCustomers(t.core, o.tenantId, o.packageId, 1, { billingDay: () => 20, prefix: 'q' }); // not due yet: never overdue
    await generate(); // November 2: only the billing day 1 customer
    const loop = t.core.services.overdueInvoices;
    expect(loop.openDueBetween(o.tenantId, '2026-11-12', '2026-11-12').map((i) => i.customerId)).toEqual([customerId]);
    expect(loop.markReminder(o.tenantId, (await invoices())[0]?.id as string, 'h-1')).toBe(true);
    expect(loop.markReminder(o.tenantId, (await invoices())[0]?.id as string, 'h-1')).toBe(false);
    expect(loop.overdueCustomers(o.tenantId)).toEqual([]);
    await moveTo(localTime('Asia/Jakarta', 2026, 11, 13, 9, 0)); // due on the 12th
    expect(loop.overdueCustomers(o.tenantId)).toEqual([customerId]);
    const preview = await ok(t.core, 'wa.broadcast.preview', { filter: { kind: 'overdue' }, message: 'Mohon segera bayar' }, o.token);
    expect(preview.recipients).toBe(1);
    await pay(150_000);
    expect(loop.overdueCustomers(o.tenantId)).toEqual([]);
  });

  it('finance records payments; a technician and a collector may not', async () => {
    await generate();
    const roles = ['finance', 'technician', 'collector'] as const;
    const tokens: string[] = [];
    for (const role of roles) {
      await ok(t.core, 'users.create', { username: role, displayName: role, role, password: `rahasia-${role}-1` }, o.token);
      tokens.push(await login(t.core, role, `rahasia-${role}-1`));
    }
    const record = (token: string, requestKey: string) => call(t.core, 'billing.payments.record', { requestKey, customerId, amount: 10_000, method: 'cash' }, token);
    expect((await record(tokens[0] as string, 'role-finance-1')).ok).toBe(true);
    expect(await record(tokens[1] as string, 'role-technician-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await record(tokens[2] as string, 'role-collector-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
