import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../main/customers/import/csv-reader.js';
import type { Download } from '../../shared/domain/customer-import.js';
import { call, createTestCore, login, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';

/** A staff name and a customer name a spreadsheet could run: a formula, a comma, quotes (and, for the imported customer, a line break). */
const CASHIER = '=Kasir, "Sore"';
const EVIL = '=HYPERLINK("http://x","klik"), "Pak" Budi\nRT 3';

let t: TestCore;
let o: Awaited<ReturnType<typeof billingTenant>>;
let financeToken: string;
let keys = 0;
const key = () => `key-${String(++keys).padStart(6, '0')}`;

beforeEach(async () => {
  t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 2, 9, 0)) });
  o = await billingTenant(t.core);
  await ok(t.core, 'users.create', { username: 'kasir', displayName: CASHIER, role: 'finance', password: 'rahasia-kasir-1' }, o.token);
});
afterEach(() => t.cleanup());

const bytes = (file: Download) => Buffer.from(file.data, 'base64');
const exportFile = (input: Parameters<typeof ok<'billing.reports.export'>>[2], token = o.token) => ok(t.core, 'billing.reports.export', input, token);

/**
 * November and December billed for three customers (billing day 1); on 1 December the owner takes
 * 150,000 in cash from A and the cashier 100,000 by bank transfer from B; C, imported with a name a
 * spreadsheet would run, is isolated and pays nothing.
 */
async function closingDay() {
  const [a, b] = seedCustomers(t.core, o.tenantId, o.packageId, 2, { billingDay: () => 1 }) as [string, string];
  const c = t.core.services.customers.insertImported(o.tenantId, {
    name: EVIL,
    phone: '+6281299990000',
    address: '',
    latitude: null,
    longitude: null,
    packageId: o.packageId,
    routerId: null,
    serviceType: 'pppoe',
    username: 'evil',
    billingDay: 1,
    notes: '',
    status: 'active',
    sealedPassword: null,
  });
  await ok(t.core, 'billing.invoices.generate', {}, o.token);
  t.clock.set(localTime('Asia/Jakarta', 2026, 12, 1, 9, 0));
  o.token = await login(t.core, OWNER.username, OWNER.password);
  financeToken = await login(t.core, 'kasir', 'rahasia-kasir-1');
  await ok(t.core, 'billing.invoices.generate', {}, o.token);
  await ok(t.core, 'billing.payments.record', { requestKey: key(), customerId: a, amount: 150_000, method: 'cash' }, o.token);
  await ok(t.core, 'billing.payments.record', { requestKey: key(), customerId: b, amount: 100_000, method: 'bank', reference: 'BRI 77' }, financeToken);
  // What the isolir module does once the router confirmed (isolir's own tests drive the router).
  expect(t.core.services.customers.setIsolated(o.tenantId, c, true)).toBe(true);
}

describe('billing.reports.closing and billing.reports.export', () => {
  it('the closing has unpaid by period and the isolated customers with what they owe', async () => {
    await closingDay();
    const daily = await ok(t.core, 'billing.reports.closing', { kind: 'daily', date: '2026-12-01' }, o.token);
    expect(daily).toMatchObject({ collected: 250_000, unpaid: { count: 5, amount: 650_000 } });
    expect(daily.byStaff.map((s) => [s.name, s.amount])).toEqual([['Bu Pemilik', 150_000], [CASHIER, 100_000]]);
    expect(daily.unpaidByPeriod).toEqual([
      { period: '2026-11', count: 2, amount: 200_000 },
      { period: '2026-12', count: 3, amount: 450_000 },
    ]);
    expect(daily.isolated).toEqual([expect.objectContaining({ name: EVIL, packageName: 'Hemat 10 Mbps', owed: 300_000 })]);
  });

  it('XLSX: a sheet per section, rupiah as numbers in the rupiah format, formulas left as text', async () => {
    await closingDay();
    const file = await exportFile({ kind: 'daily', date: '2026-12-01', format: 'xlsx' });
    expect(file).toMatchObject({ fileName: 'laporan-harian-2026-12-01.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Per metode', 'Per petugas', 'Belum bayar', 'Terisolir']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = rows('Ringkasan');
    expect(summary[0]).toEqual(['Net Kampung Sejahtera']);
    expect(summary).toContainEqual(['Zona waktu WIB']);
    expect(summary).toContainEqual(['Terkumpul (bersih)', 250_000]);
    expect(summary).toContainEqual(['Terisolir saat ini', 300_000, 1]);
    expect(rows('Per metode')).toEqual([['Metode', 'Nilai (Rp)', 'Transaksi'], ['Transfer bank', 100_000, 1], ['Tunai', 150_000, 1]]);
    expect(rows('Per petugas')).toEqual([['Petugas', 'Nilai (Rp)', 'Transaksi'], ['Bu Pemilik', 150_000, 1], [`'${CASHIER}`, 100_000, 1]]);
    expect(rows('Belum bayar')).toEqual([['Periode tagihan', 'Tagihan', 'Nilai (Rp)'], ['November 2026', 2, 200_000], ['Desember 2026', 3, 450_000]]);
    const isolated = book.getWorksheet('Terisolir');
    const name = isolated?.getRow(2).getCell(2);
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(name?.value).toBe(`'${EVIL}`);
    expect(isolated?.getRow(2).getCell(4).value).toBe(300_000);
    expect(isolated?.getColumn(4).numFmt).toBe('"Rp" #,##0');
    expect(isolated?.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  it('CSV: the same sections, quoted where needed, formulas inert, a line break kept inside its field', async () => {
    await closingDay();
    const file = await exportFile({ kind: 'daily', date: '2026-12-01', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'laporan-harian-2026-12-01.csv', mimeType: 'text/csv' });
    const text = bytes(file).toString('utf8');
    expect(text).toContain(`"'=Kasir, ""Sore"""`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik""), ""Pak"" Budi\nRT 3"`);
    const rows = readCsv(bytes(file));
    expect(rows).toContainEqual(['Terkumpul (bersih)', '250000', '']);
    expect(rows).toContainEqual([CASHIER, '100000', '1']);
    expect(rows).toContainEqual([expect.any(String), EVIL, 'Hemat 10 Mbps', '300000']);
    // English: English headers, the separator English Excel splits on, an English file name.
    const english = await call(t.core, 'billing.reports.export', { kind: 'monthly', period: '2026-12', format: 'csv' }, o.token, 'en');
    if (!english.ok) throw new Error(english.error.code);
    expect(english.data.fileName).toBe('monthly-report-2026-12.csv');
    expect(bytes(english.data).toString('utf8')).toContain('Collected (net),250000,');
    expect(bytes(english.data).toString('utf8')).toContain('Monthly report December 2026');
  });

  it('PDF: an A4 report with the ISP, the zone and the figures', async () => {
    await closingDay();
    const file = await exportFile({ kind: 'monthly', period: '2026-12', format: 'pdf' });
    expect(file).toMatchObject({ fileName: 'laporan-bulanan-2026-12.pdf', mimeType: 'application/pdf' });
    const parser = new PDFParse({ data: new Uint8Array(bytes(file)) });
    const info = await parser.getInfo();
    expect(info.total).toBe(1);
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('Net Kampung Sejahtera');
    expect(text).toContain('Laporan Bulanan Desember 2026');
    expect(text).toContain('Periode 01/12/2026 s.d. 31/12/2026');
    expect(text).toContain('Zona waktu WIB');
    expect(text).toContain('Dibuat 01/12/2026 09.00 WIB');
    expect(text).toContain('Terkumpul (bersih) Rp 250.000');
    expect(text).toContain('Transfer bank Rp 100.000 1');
    expect(text).toContain(`${CASHIER} Rp 100.000 1`);
    expect(text).toContain('November 2026 2 Rp 200.000');
  });

  it('PDF: a long list goes on to the next page with its header again', async () => {
    const ids = seedCustomers(t.core, o.tenantId, o.packageId, 70, { billingDay: () => 1 });
    for (const id of ids) t.core.services.customers.setIsolated(o.tenantId, id, true);
    const parser = new PDFParse({ data: new Uint8Array(bytes(await exportFile({ kind: 'daily', date: '2026-11-02', format: 'pdf' }))) });
    const pages = (await parser.getInfo()).total;
    expect(pages).toBeGreaterThan(1);
    const text = (await parser.getText()).text;
    expect(text.match(/Tunggakan \(Rp\)/g)).toHaveLength(pages);
    expect(text).toContain('Pelanggan p69');
  });

  it('an empty day exports cleanly in every format', async () => {
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const file = await exportFile({ kind: 'daily', date: '2026-11-02', format });
      expect(file.fileName).toBe(`laporan-harian-2026-11-02.${format}`);
      expect(bytes(file).length).toBeGreaterThan(100);
    }
    const csv = readCsv(bytes(await exportFile({ kind: 'daily', date: '2026-11-02', format: 'csv' })));
    expect(csv).toContainEqual(['Terkumpul (bersih)', '0', '']);
    expect(csv).toContainEqual(['Tidak ada data.']);
    const pdf = await exportFile({ kind: 'daily', date: '2026-11-02', format: 'pdf' });
    const text = (await new PDFParse({ data: new Uint8Array(bytes(pdf)) }).getText()).text;
    expect(text).toContain('Tidak ada data.');
  });

  it('bad input gets a stable code; a collector may not export', async () => {
    for (const input of [
      { kind: 'daily', date: '2026-12-01', format: 'docx' },
      { kind: 'daily', date: '2026-13-01', format: 'csv' },
      { kind: 'monthly', date: '2026-12-01', format: 'csv' },
      { kind: 'weekly', date: '2026-12-01', format: 'csv' },
      { kind: 'daily', date: '2026-12-01' },
    ]) {
      const result = await call(t.core, 'billing.reports.export', input as never, o.token);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await ok(t.core, 'users.create', { username: 'penagih', displayName: 'Penagih', role: 'collector', password: 'rahasia-penagih-1' }, o.token);
    const collector = await login(t.core, 'penagih', 'rahasia-penagih-1');
    const refused = await call(t.core, 'billing.reports.export', { kind: 'daily', date: '2026-11-02', format: 'csv' }, collector);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
