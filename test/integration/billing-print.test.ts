import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Printed } from '../../shared/domain/billing-print.js';
import { call, createTestCore, login, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';
import { customerInput } from '../support/customers.js';

let t: TestCore;
let o: Awaited<ReturnType<typeof billingTenant>>;
let customerId: string;
let keys = 0;
const key = () => `print-${String(++keys).padStart(6, '0')}`;

beforeEach(async () => {
  t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 2, 9, 0)) });
  o = await billingTenant(t.core);
  await ok(
    t.core,
    'tenant.profile.update',
    { address: 'Jl. Melati No. 5', phone: '0812-3456-7890', email: '', footer: 'Terima kasih.', bankAccounts: [{ bank: 'BRI', number: '0021-01-000123-30-5', holder: 'Budi' }] },
    o.token,
  );
  [customerId] = seedCustomers(t.core, o.tenantId, o.packageId, 1, { billingDay: () => 1 }) as [string];
});
afterEach(() => t.cleanup());

const generate = () => ok(t.core, 'billing.invoices.generate', {}, o.token);
const pay = (amount: number, method: 'cash' | 'bank' = 'cash') =>
  ok(t.core, 'billing.payments.record', { requestKey: key(), customerId, amount, method, reference: method === 'bank' ? 'BCA 7781' : '' }, o.token);
const invoices = async () => (await ok(t.core, 'billing.invoices.list', { customerId }, o.token)).items.reverse();
async function firstInvoice() {
  const [first] = await invoices();
  if (!first) throw new Error('no invoice');
  return first;
}

/** Later in the office day or month: the clock moves and the owner signs in again (sessions expire). */
async function moveTo(ms: number) {
  t.clock.set(ms);
  o.token = await login(t.core, OWNER.username, OWNER.password);
}

function html(printed: Printed): string {
  if (printed.format !== 'html') throw new Error('expected HTML');
  return printed.html;
}

/** The visible text of a print HTML: tags out, spaces squeezed (what the paper says). */
const text = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

async function pdf(printed: Printed): Promise<{ text: string; pages: number }> {
  if (printed.format !== 'pdf') throw new Error('expected a PDF');
  expect(printed.mimeType).toBe('application/pdf');
  const parsed = await new PDFParse({ data: new Uint8Array(Buffer.from(printed.data, 'base64')) }).getText();
  return { text: parsed.text.replace(/\s+/g, ' '), pages: parsed.total };
}

describe('billing.invoices.print: an invoice on paper', () => {
  it('prints its lines, PPN, total, what was paid, what is due, the credit, the due date, the period and the payment link', async () => {
    await ok(t.core, 'billing.settings.update', { ppnBps: 1100, paymentUrlPattern: 'https://bayar.example/{{invoice_number}}' }, o.token);
    await generate();
    const invoice = await firstInvoice();
    await ok(t.core, 'billing.invoices.addLine', { invoiceId: invoice.id, kind: 'discount', description: 'Diskon tetangga', amount: 10_000 }, o.token);
    await pay(50_000);

    const page = text(html(await ok(t.core, 'billing.invoices.print', { invoiceId: invoice.id, size: '80mm', format: 'html' }, o.token)));
    expect(page).toContain('TAGIHAN');
    expect(page).toContain('INV/202611/A-00001');
    expect(page).toContain('Pelanggan p0');
    expect(page).toContain('Hemat 10 Mbps Rp 150.000');
    expect(page).toContain('Diskon tetangga -Rp 10.000');
    expect(page).toContain('Subtotal Rp 140.000');
    expect(page).toContain('PPN 11% Rp 15.400');
    expect(page).toContain('Total Rp 155.400');
    expect(page).toContain('Sudah dibayar Rp 50.000');
    expect(page).toContain('Sisa tagihan Rp 105.400');
    expect(page).toContain('Periode 01/11/2026 - 30/11/2026');
    expect(page).toContain('Tanggal 02/11/2026');
    expect(page).toContain('Jatuh tempo');
    expect(page).toContain('BRI 0021-01-000123-30-5 a.n. Budi');
    expect(page).toContain('https://bayar.example/INV%2F202611%2FA-00001');

    const english = await call(t.core, 'billing.invoices.print', { invoiceId: invoice.id, size: 'a4', format: 'pdf' }, o.token, 'en');
    expect(english.ok).toBe(true);
    if (!english.ok) return;
    expect(english.data).toMatchObject({ format: 'pdf', fileName: 'INV-202611-A-00001-a4.pdf' });
    const printed = await pdf(english.data);
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain('INVOICE');
    expect(printed.text).toContain('Net Kampung Sejahtera');
    expect(printed.text).toContain('Rp 105.400');
  });

  it('a fully paid invoice says paid in full and prints the overpayment as credit; no bank accounts when nothing is owed', async () => {
    await generate();
    const invoice = await firstInvoice();
    await pay(200_000);
    const page = text(html(await ok(t.core, 'billing.invoices.print', { invoiceId: invoice.id, size: '58mm', format: 'html' }, o.token)));
    expect(page).toContain('LUNAS');
    expect(page).toContain('Saldo lebih (dipakai tagihan berikutnya) Rp 50.000');
    expect(page).not.toContain('BRI 0021');
    expect(page).not.toContain('PPN');
  });

  it('a void invoice, an unknown one and another tenant\'s are refused', async () => {
    await generate();
    const invoice = await firstInvoice();
    await ok(t.core, 'billing.invoices.void', { invoiceId: invoice.id, reason: 'Salah paket' }, o.token);
    expect(await call(t.core, 'billing.invoices.print', { invoiceId: invoice.id, size: 'a4', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { invoiceId: 'Tagihan ini sudah dibatalkan, jadi tidak dicetak.' } },
    });
    expect(await call(t.core, 'billing.invoices.print', { invoiceId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', size: 'a4', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const other = otherTenant();
    expect(await call(t.core, 'billing.invoices.print', { invoiceId: other.invoiceId, size: '80mm', format: 'pdf' }, o.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(t.core, 'billing.payments.receipt', { paymentId: other.paymentId, size: '80mm', format: 'html' }, o.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(t.core, 'billing.invoices.printMany', { invoiceIds: [other.invoiceId], size: 'a4', format: 'html' }, o.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a prorated first month on paper', () => {
  it('prints the days it bills, from the start day; the next month prints the whole month', async () => {
    await moveTo(localTime('Asia/Jakarta', 2027, 1, 17, 10, 0));
    await ok(t.core, 'billing.settings.update', { prorateFirstMonth: true }, o.token);
    const c = await ok(t.core, 'customers.create', customerInput(o.packageId, 1, { billingDay: 5 }), o.token);
    await generate();
    const [first] = (await ok(t.core, 'billing.invoices.list', { customerId: c.id }, o.token)).items;
    if (!first) throw new Error('no invoice');
    const page = text(html(await ok(t.core, 'billing.invoices.print', { invoiceId: first.id, size: '80mm', format: 'html' }, o.token)));
    expect(page).toContain('Hemat 10 Mbps (15/31 hari) Rp 72.581');
    expect(page).toContain('Periode 17/01/2027 - 31/01/2027');
    // Its receipt names the same days.
    const paid = await ok(t.core, 'billing.payments.record', { requestKey: key(), customerId: c.id, amount: 72_581, method: 'cash', reference: '' }, o.token);
    expect(text(html(await ok(t.core, 'billing.payments.receipt', { paymentId: paid.payment.id, size: 'a4', format: 'html' }, o.token)))).toContain(
      'Periode 17/01/2027 - 31/01/2027',
    );

    await moveTo(localTime('Asia/Jakarta', 2027, 2, 5, 10, 0));
    await generate();
    const february = (await ok(t.core, 'billing.invoices.list', { customerId: c.id, period: '2027-02' }, o.token)).items[0];
    if (!february) throw new Error('no February invoice');
    expect(text(html(await ok(t.core, 'billing.invoices.print', { invoiceId: february.id, size: 'a4', format: 'html' }, o.token)))).toContain(
      'Periode 01/02/2027 - 28/02/2027',
    );
  });
});

describe('billing.payments.receipt: a payment on paper, and its reprint', () => {
  it('a partial payment, then one that clears two invoices with credit left; a reprint months later says the same', async () => {
    await generate(); // November
    await moveTo(localTime('Asia/Jakarta', 2026, 12, 1, 9, 0));
    await generate(); // December
    await moveTo(localTime('Asia/Jakarta', 2026, 12, 3, 10, 15));
    const first = await pay(100_000);
    const receipt = (paymentId: string) => ok(t.core, 'billing.payments.receipt', { paymentId, size: '80mm', format: 'html' }, o.token);
    const partial = html(await receipt(first.payment.id));
    // A charge on the partly paid invoice after the payment: the receipt still says what it was paid against.
    await moveTo(localTime('Asia/Jakarta', 2026, 12, 3, 10, 17));
    await ok(t.core, 'billing.invoices.addLine', { invoiceId: (await firstInvoice()).id, kind: 'charge', description: 'Ganti kabel', amount: 20_000 }, o.token);
    expect(html(await receipt(first.payment.id))).toBe(partial);
    await moveTo(localTime('Asia/Jakarta', 2026, 12, 3, 10, 20));
    const second = await pay(250_000, 'bank');

    expect(text(partial)).toContain('KUITANSI');
    // The number an office reads aloud, not the payment's id.
    expect(first.payment.number).toBe('KW/202612/A-00001');
    expect(text(partial)).toContain('No. KW/202612/A-00001');
    expect(partial).not.toContain(first.payment.id);
    expect(text(partial)).toContain('INV/202611/A-00001 Rp 150.000');
    expect(text(partial)).not.toContain('INV/202612');
    expect(text(partial)).toContain('Sudah dibayar Rp 100.000');
    expect(text(partial)).toContain('Sisa tagihan Rp 50.000');
    expect(text(partial)).toContain('Jumlah diterima Rp 100.000');
    expect(text(partial)).toContain('Cara bayar Tunai');
    expect(text(partial)).toContain('Diterima 03/12/2026 10.15 WIB');
    expect(text(partial)).not.toContain('LUNAS');

    const cleared = html(await receipt(second.payment.id));
    expect(text(cleared)).toContain('No. KW/202612/A-00002');
    expect(text(cleared)).toContain('INV/202611/A-00001 Rp 170.000');
    expect(text(cleared)).toContain('INV/202612/A-00001 Rp 150.000');
    expect(text(cleared)).toContain('Total Rp 320.000');
    expect(text(cleared)).toContain('Sudah dibayar Rp 320.000');
    expect(text(cleared)).toContain('LUNAS');
    expect(text(cleared)).toContain('Saldo lebih (dipakai tagihan berikutnya) Rp 30.000');
    expect(text(cleared)).toContain('Cara bayar Transfer Bank');
    expect(text(cleared)).toContain('No. referensi BCA 7781');
    expect(text(cleared)).toContain('Petugas Bu Pemilik');

    // January's invoice spends the credit (a new allocation from the second payment) and the
    // customer is renamed: the reprints still say what the first prints said.
    await moveTo(localTime('Asia/Jakarta', 2027, 1, 1, 9, 0));
    await generate();
    await ok(t.core, 'customers.update', { id: customerId, name: 'Nama Baru' }, o.token);
    expect((await invoices())[2]).toMatchObject({ period: '2027-01', paid: 30_000 });
    expect(html(await receipt(second.payment.id))).toBe(cleared);
    expect(html(await receipt(first.payment.id))).toBe(partial);

    const printed = await pdf(await ok(t.core, 'billing.payments.receipt', { paymentId: second.payment.id, size: '58mm', format: 'pdf' }, o.token));
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain('KUITANSI');
    expect(printed.text).toContain('Rp 250.000');
  });

  it('a reversed payment and a reversal entry have no receipt (CONFLICT, in the caller language)', async () => {
    await generate();
    const { payment } = await pay(150_000);
    const reversal = await ok(t.core, 'billing.payments.reverse', { paymentId: payment.id, reason: 'Salah pelanggan' }, o.token);
    expect(await call(t.core, 'billing.payments.receipt', { paymentId: payment.id, size: '80mm', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { paymentId: 'Pembayaran ini sudah dibalik (dibatalkan), jadi kuitansinya tidak bisa dicetak lagi.' } },
    });
    expect(await call(t.core, 'billing.payments.receipt', { paymentId: reversal.id, size: '80mm', format: 'pdf' }, o.token, 'en')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { paymentId: 'This is a reversal entry, not a payment: it has no receipt.' } },
    });
  });

  it('a payment with nothing to pay is all credit', async () => {
    const { payment } = await pay(75_000);
    const page = text(html(await ok(t.core, 'billing.payments.receipt', { paymentId: payment.id, size: 'a4', format: 'html' }, o.token)));
    expect(page).toContain('Jumlah diterima Rp 75.000');
    expect(page).toContain('Saldo lebih (dipakai tagihan berikutnya) Rp 75.000');
    expect(page).not.toContain('Sisa tagihan');
  });
});

describe('billing.invoices.printMany: bulk printing', () => {
  beforeEach(() => {
    seedCustomers(t.core, o.tenantId, o.packageId, 2, { billingDay: () => 1, prefix: 'q' });
  });

  it('three chosen invoices are three A4 pages, and three thermal ones; the filter prints what the list shows', async () => {
    await generate();
    const all = (await ok(t.core, 'billing.invoices.list', {}, o.token)).items;
    expect(all).toHaveLength(3);
    const ids = all.map((i) => i.id);
    const a4 = await pdf(await ok(t.core, 'billing.invoices.printMany', { invoiceIds: ids, size: 'a4', format: 'pdf' }, o.token));
    expect(a4.pages).toBe(3);
    for (const i of all) expect(a4.text).toContain(i.number);
    expect((await pdf(await ok(t.core, 'billing.invoices.printMany', { invoiceIds: [...ids, ids[0] as string], size: '80mm', format: 'pdf' }, o.token))).pages).toBe(3);

    const page = html(await ok(t.core, 'billing.invoices.printMany', { invoiceIds: ids, size: '80mm', format: 'html' }, o.token));
    expect(page.match(/<article>/g)).toHaveLength(3);
    expect(page).toContain('article + article { break-before: page }');

    await pay(150_000);
    const unpaid = html(await ok(t.core, 'billing.invoices.printMany', { filter: { status: 'unpaid' }, size: 'a4', format: 'html' }, o.token));
    expect(unpaid.match(/<article>/g)).toHaveLength(2);
    expect(unpaid).not.toContain('Pelanggan p0');
  });

  it('refuses more than 500, both or neither of ids and filter, an empty filter result, and a void invoice among the chosen', async () => {
    await generate();
    const ids = (await ok(t.core, 'billing.invoices.list', {}, o.token)).items.map((i) => i.id);
    const many = Array.from({ length: 501 }, () => ids[0] as string);
    expect(await call(t.core, 'billing.invoices.printMany', { invoiceIds: many, size: 'a4', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { invoiceIds: 'Paling banyak 500 tagihan sekali cetak. Persempit filternya atau pilih tagihannya.' } },
    });
    expect(await call(t.core, 'billing.invoices.printMany', { size: 'a4', format: 'html' }, o.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(t.core, 'billing.invoices.printMany', { invoiceIds: ids, filter: {}, size: 'a4', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await call(t.core, 'billing.invoices.printMany', { filter: { status: 'paid' }, size: 'a4', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { filter: 'Tidak ada tagihan untuk dicetak dengan filter ini.' } },
    });
    await ok(t.core, 'billing.invoices.void', { invoiceId: ids[1] as string, reason: 'Dobel' }, o.token);
    expect(await call(t.core, 'billing.invoices.printMany', { invoiceIds: ids, size: 'a4', format: 'html' }, o.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // By filter the void one is simply left out.
    expect(html(await ok(t.core, 'billing.invoices.printMany', { filter: {}, size: 'a4', format: 'html' }, o.token)).match(/<article>/g)).toHaveLength(2);
  });

  it('more than 500 matching the filter is refused, not cut short', async () => {
    seedCustomers(t.core, o.tenantId, o.packageId, 498, { billingDay: () => 1, prefix: 'r' });
    await generate();
    expect(await call(t.core, 'billing.invoices.printMany', { filter: {}, size: '58mm', format: 'html' }, o.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { filter: 'Paling banyak 500 tagihan sekali cetak. Persempit filternya atau pilih tagihannya.' } },
    });
  });
});

describe('who prints', () => {
  it('finance prints; a collector and a technician may not', async () => {
    await generate();
    const invoice = await firstInvoice();
    const { payment } = await pay(150_000);
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-keu-1' }, o.token);
    const finance = await login(t.core, 'keuangan', 'rahasia-keu-1');
    expect((await call(t.core, 'billing.payments.receipt', { paymentId: payment.id, size: '58mm', format: 'html' }, finance)).ok).toBe(true);
    for (const role of ['collector', 'technician'] as const) {
      await ok(t.core, 'users.create', { username: role, displayName: role, role, password: `rahasia-${role}-1` }, o.token);
      const token = await login(t.core, role, `rahasia-${role}-1`);
      expect(await call(t.core, 'billing.payments.receipt', { paymentId: payment.id, size: '58mm', format: 'html' }, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(t.core, 'billing.invoices.print', { invoiceId: invoice.id, size: '58mm', format: 'html' }, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(t.core, 'billing.invoices.printMany', { invoiceIds: [invoice.id], size: 'a4', format: 'pdf' }, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

/** Another ISP on the same installation, with an invoice and a payment of its own. */
function otherTenant(): { invoiceId: string; paymentId: string } {
  const tenantId = t.core.db.transaction(() => t.core.services.tenants.create({ name: 'ISP Lain', timezone: 'Asia/Jakarta' }))();
  t.core.services.tenants.applySubscription(tenantId, { plan: 'pro', addons: [], status: 'active' });
  const pkg = t.core.services.packages.create(tenantId, { name: 'Lain', price: 100_000, routerProfile: '', rateLimit: '', active: true });
  const [theirs] = seedCustomers(t.core, tenantId, pkg.id, 1, { billingDay: () => 1, prefix: 'lain' }) as [string];
  t.core.services.invoiceGenerator.generate(tenantId, 'manual', null);
  const result = t.core.services.payments.record(tenantId, { requestKey: 'lain-1', customerId: theirs, amount: 100_000, method: 'cash', reference: '', note: '', proof: null }, { id: 'x', name: 'X' });
  return { invoiceId: result.invoicesPaid[0] as string, paymentId: result.payment.id };
}
