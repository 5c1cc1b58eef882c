import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { call, createOwner, createTestCore, login, ok, OWNER, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { fixture, uploadFile } from '../support/customer-import.js';
import { readCsv } from '../../main/customers/import/csv-reader.js';
import { PLAN_SPECS } from '../../shared/domain/plans.js';
import { IMPORT_MAX_BYTES } from '../../shared/domain/customer-import.js';

describe('importing customers from a file', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let hemat: string;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    hemat = await createPackage(t.core, owner.token, 'Hemat 10 Mbps');
  });
  afterEach(() => t.cleanup());

  const count = () => t.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
  const phpnux = () => uploadFile(t.core, owner.token, 'phpnuxbill-customers.csv', fixture('phpnuxbill-customers.csv'));
  const apply = async (uploadId: string, requestKey: string, extra: Record<string, unknown> = {}) =>
    ok(t.core, 'customers.import.apply', { uploadId, requestKey, ...extra }, owner.token);

  it('previews a PHPNuxBill export row by row, with the reason for each skipped row, and writes nothing', async () => {
    const preview = await ok(t.core, 'customers.import.preview', { uploadId: await phpnux() }, owner.token);
    expect(preview.source).toBe('phpnuxbill');
    expect(preview.rows.map((r) => [r.line, r.outcome, r.reason])).toEqual([
      [2, 'new', null],
      [3, 'new', null],
      [4, 'new', null],
      [5, 'skipped', 'phoneInvalid'],
      [6, 'skipped', 'duplicateInFile'],
      [7, 'skipped', 'unknownPackage'],
      [9, 'new', null],
      [10, 'skipped', 'missingName'],
    ]);
    expect(preview.totals).toEqual({ new: 4, update: 0, unchanged: 0, skipped: 4 });
    expect(preview.unknownPackages).toEqual([{ name: 'Gold 50 Mbps', rows: 1, suggestedPackageId: null }]);
    expect(preview.limit).toEqual({ max: PLAN_SPECS.basic.limits.maxCustomers, used: 0 });
    expect(count()).toBe(0);
  });

  it('applies: odd names, phones and coordinates arrive intact; the PPPoE password is sealed and never synced', async () => {
    const report = await apply(await phpnux(), 'first-import');
    expect(report.totals).toEqual({ new: 4, update: 0, unchanged: 0, skipped: 4 });
    const list = await ok(t.core, 'customers.list', { limit: 50 }, owner.token);
    expect(list.items.map((c) => [c.username, c.name, c.phone, c.latitude, c.longitude, c.serviceType])).toEqual([
      ['budi01', 'Budi Santoso', '+6281234567890', -7.4245, 109.2303, 'pppoe'],
      ['dewi', 'Dewi Lestari', '+6281234567894', -7.41, 109.19, 'hotspot'],
      ['joko', 'Joko Widodo', '+6281234567892', null, null, 'pppoe'],
      ['siti.aminah', "Siti 'Ami' O'Neil 🌸", '+6281234567891', null, null, 'pppoe'],
    ]);
    expect(list.items.find((c) => c.username === 'siti.aminah')?.notes).toBe('Pasang 2023, "tiang" depan');
    const sealed = t.core.db.prepare(`SELECT pppoe_password FROM customers WHERE username = 'budi01'`).pluck().get() as string;
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('rahasia');
    const logged = t.core.db.prepare(`SELECT row FROM change_log WHERE entity = 'customers'`).pluck().all() as string[];
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain('pppoe_password');
  });

  it('sends no welcome message per customer: one customers_imported for the whole file', async () => {
    await apply(await phpnux(), 'first-import');
    const events = t.core.db.prepare('SELECT name FROM outbox ORDER BY seq').pluck().all() as string[];
    expect(events.filter((e) => e === 'customer_created')).toEqual([]);
    expect(events.filter((e) => e === 'customers_imported')).toHaveLength(1);
  });

  it('re-running the import changes nothing, and an edited file updates only what changed', async () => {
    await apply(await phpnux(), 'first-import');
    const again = await apply(await phpnux(), 'second-import');
    expect(again.totals).toEqual({ new: 0, update: 0, unchanged: 4, skipped: 4 });
    expect(count()).toBe(4);
    const edited = fixture('phpnuxbill-customers.csv').toString('utf8').replace('Sokaraja', 'Sokaraja Kulon').replace('rahasia-budi', 'rahasia-baru');
    const third = await apply(await uploadFile(t.core, owner.token, 'edited.csv', Buffer.from(edited)), 'third-import');
    expect(third.rows.filter((r) => r.outcome === 'update').map((r) => [r.username, r.changes])).toEqual([
      ['budi01', ['password']],
      ['joko', ['address']],
    ]);
    expect(count()).toBe(4);
  });

  it('two applies at once of the same import create each customer once', async () => {
    const uploadId = await phpnux();
    const sameKey = await Promise.all([apply(uploadId, 'double-click'), apply(uploadId, 'double-click')]);
    expect(sameKey[0].id).toBe(sameKey[1].id);
    const otherKeys = await Promise.all([apply(uploadId, 'first-tab'), apply(uploadId, 'second-tab')]);
    expect(otherKeys.map((r) => r.totals.new)).toEqual([0, 0]);
    expect(count()).toBe(4);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM customer_imports').pluck().get()).toBe(3);
  });

  it('creates a missing package on confirmation (price 0 is flagged) and reads a Mikhmon XLSX as hotspot users', async () => {
    const uploadId = await uploadFile(t.core, owner.token, 'mikhmon-users.xlsx', fixture('mikhmon-users.xlsx'));
    const first = await ok(t.core, 'customers.import.preview', { uploadId }, owner.token);
    expect(first).toMatchObject({ source: 'mikhmon', serviceType: 'hotspot', sheets: ['Users', 'Catatan'], sheet: 'Users' });
    expect(first.unknownPackages).toEqual([{ name: 'voucher-5rb', rows: 2, suggestedPackageId: null }]);
    expect(first.rows.map((r) => r.reason)).toEqual([null, 'unknownPackage', 'duplicateInFile', 'usernameInvalid', 'unknownPackage']);
    const decided = { packages: { 'voucher-5rb': { action: 'create' as const, price: 0 } } };
    const preview = await ok(t.core, 'customers.import.preview', { uploadId, ...decided }, owner.token);
    expect(preview.zeroPricePackages).toEqual(['voucher-5rb']);
    expect(preview.totals).toEqual({ new: 3, update: 0, unchanged: 0, skipped: 2 });
    const report = await apply(uploadId, 'mikhmon-import', decided);
    expect(report.packagesCreated).toEqual(['voucher-5rb']);
    const packages = await ok(t.core, 'packages.list', {}, owner.token);
    expect(packages.find((p) => p.name === 'voucher-5rb')).toMatchObject({ price: 0, routerProfile: 'voucher-5rb' });
    const dodi = (await ok(t.core, 'customers.list', { query: 'dodi' }, owner.token)).items[0];
    expect(dodi).toMatchObject({ name: 'dodi', serviceType: 'hotspot', notes: 'Dodi 😀', phone: '', whatsapp: false });
    // Another sheet of the workbook is read when chosen.
    const other = await call(t.core, 'customers.import.preview', { uploadId, sheet: 'Tidak Ada' }, owner.token);
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { file: 'Lembar (sheet) itu tidak ada di file ini.' } } });
  });

  it('stops new customers at the plan limit and says so; updates still run on a full plan', async () => {
    const max = PLAN_SPECS.basic.limits.maxCustomers;
    const full = { address: '', latitude: null, longitude: null, routerId: null, serviceType: 'pppoe' as const, notes: '' };
    for (let i = 0; i < max - 2; i++) t.core.services.customers.create(owner.tenantId, { ...full, ...customerInput(hemat, 1000 + i), billingDay: 1 });
    const uploadId = await phpnux();
    const preview = await ok(t.core, 'customers.import.preview', { uploadId }, owner.token);
    expect(preview.limit).toEqual({ max, used: max - 2 });
    expect(preview.rows.filter((r) => r.reason === 'limitReached').map((r) => r.line)).toEqual([4, 9]);
    const report = await apply(uploadId, 'at-the-limit');
    expect(report.totals.new).toBe(2);
    expect(t.core.services.customers.countBillable(owner.tenantId)).toBe(max);
    const edited = fixture('phpnuxbill-customers.csv').toString('utf8').replace('Karanglewas', 'Karanglewas Lor');
    const update = await apply(await uploadFile(t.core, owner.token, 'edited.csv', Buffer.from(edited)), 'update-when-full');
    expect(update.totals).toMatchObject({ update: 1, new: 0 });
  });

  it('keeps a history of imports with who ran them, and the report as CSV in the caller\'s language', async () => {
    const report = await apply(await phpnux(), 'first-import');
    const history = await ok(t.core, 'customers.import.history', {}, owner.token);
    expect(history).toEqual([expect.objectContaining({ id: report.id, fileName: 'phpnuxbill-customers.csv', totals: report.totals })]);
    const file = await ok(t.core, 'customers.import.report', { id: report.id }, owner.token);
    expect(file.fileName).toBe('laporan-impor-phpnuxbill-customers.csv');
    const rows = readCsv(Buffer.from(file.data, 'base64'));
    expect(rows[0]).toEqual(['Baris', 'Hasil', 'Alasan', 'Nama', 'No HP', 'Username', 'Paket', 'Perubahan']);
    expect(rows.find((r) => r[0] === '5')).toEqual(['5', 'Dilewati', 'No. HP bukan nomor Indonesia (contoh: 0812-3456-7890).', 'Rina', '', 'rina', 'Hemat 10 Mbps', '']);
    const en = await call(t.core, 'customers.import.report', { id: report.id }, owner.token, 'en');
    expect(en.ok && readCsv(Buffer.from(en.data.data, 'base64'))[0]?.[1]).toBe('Result');
  });

  it('refuses a file over 5 MB and one over 20,000 rows with a clear message', async () => {
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    const error = await uploadFile(t.core, owner.token, 'besar.csv', big).catch((e: unknown) => String(e));
    expect(error).toContain('File lebih dari 5 MB');
    const rows = ['nama,hp', ...Array.from({ length: 20_001 }, (_, i) => `Pelanggan ${i},0812${String(10_000_000 + i).slice(-8)}`)].join('\n');
    const uploadId = await uploadFile(t.core, owner.token, 'banyak.csv', Buffer.from(rows));
    const preview = await call(t.core, 'customers.import.preview', { uploadId }, owner.token);
    expect(preview).toMatchObject({ ok: false, error: { fields: { file: 'File berisi lebih dari 20000 baris. Bagi menjadi beberapa file lalu impor satu per satu.' } } });
  });

  it('imports 20,000 rows in one apply, and applying them again changes nothing', async () => {
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    const lines = ['Nama;No HP;Paket;Koordinat;Tgl Tagihan'];
    for (let i = 0; i < 20_000; i++) lines.push(`Pelanggan ${i};0812-${String(10_000_000 + i).slice(-8, -4)}-${String(i).padStart(4, '0').slice(-4)};Hemat 10 Mbps;"-7.4,109.2";${1 + (i % 31)}`);
    const file = Buffer.from(lines.join('\r\n'));
    const first = await apply(await uploadFile(t.core, owner.token, 'besar.csv', file), 'twenty-thousand');
    expect(first.totals).toEqual({ new: 20_000, update: 0, unchanged: 0, skipped: 0 });
    const again = await apply(await uploadFile(t.core, owner.token, 'besar.csv', file), 'twenty-thousand-again');
    expect(again.totals).toEqual({ new: 0, update: 0, unchanged: 20_000, skipped: 0 });
    expect(count()).toBe(20_000);
    // Two applies of 20,000 rows with the search and change-log triggers: a minute on a busy two-core machine.
  }, 180_000);

  it('follows a mapping the operator changed: a Mikhmon comment as the customer name', async () => {
    const uploadId = await uploadFile(t.core, owner.token, 'mikhmon-users.xlsx', fixture('mikhmon-users.xlsx'));
    const suggested = await ok(t.core, 'customers.import.preview', { uploadId }, owner.token);
    const mapping = { ...suggested.mapping, name: 5 };
    delete mapping.notes;
    const preview = await ok(t.core, 'customers.import.preview', { uploadId, mapping }, owner.token);
    expect(preview.rows[0]).toMatchObject({ name: 'Andi Warung Kopi', username: 'andi', outcome: 'new' });
  });

  it('is for owners and admins only', async () => {
    await ok(t.core, 'users.create', { username: 'kasir', displayName: 'Kasir', role: 'finance', password: 'rahasia-kasir' }, owner.token);
    const finance = (await ok(t.core, 'auth.login', { username: 'kasir', password: 'rahasia-kasir' })).token;
    const result = await call(t.core, 'customers.import.upload', { uploadId: null, fileName: 'x.csv', part: '' }, finance);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('exporting customers', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    const hemat = await createPackage(t.core, owner.token, 'Hemat 10 Mbps', 150_000);
    await ok(t.core, 'customers.create', { ...customerInput(hemat, 1), name: "Siti O'Neil 🌸", notes: 'baris 1\nbaris "2"; tiang', latitude: -7.4245, longitude: 109.2303 }, owner.token);
    await ok(t.core, 'customers.create', { ...customerInput(hemat, 2), phone: '0281-637123', whatsapp: false, address: 'Jl. Merdeka, No. 5', area: 'RT 03/RW 05' }, owner.token);
  });
  afterEach(() => t.cleanup());

  it('writes CSV with Indonesian headers, phones in the 08xx form kept as text, and it re-imports as unchanged', async () => {
    const file = await ok(t.core, 'customers.export', { format: 'csv' }, owner.token);
    expect(file.fileName).toBe('pelanggan-2026-01-05.csv');
    // Named after the office's day: at 03:00 WIB on the 6th, UTC still says the 5th.
    t.clock.set(Date.UTC(2026, 0, 5, 20, 0));
    const later = await login(t.core, OWNER.username, OWNER.password);
    expect((await ok(t.core, 'customers.export', { format: 'csv' }, later)).fileName).toBe('pelanggan-2026-01-06.csv');
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFKode;Nama;No HP;Alamat;Wilayah;Paket;Harga;Username;Layanan;Tgl Tagihan;Latitude;Longitude;Status;Catatan');
    expect(text).toContain(';0812-1000-0001;');
    expect(text).toContain(';"=""0281637123""";');
    const uploadId = await uploadFile(t.core, later, file.fileName, Buffer.from(file.data, 'base64'));
    const preview = await ok(t.core, 'customers.import.preview', { uploadId }, later);
    expect(preview.source).toBe('rrnet');
    expect(preview.totals).toEqual({ new: 0, update: 0, unchanged: 2, skipped: 0 });
  });

  it('writes XLSX with phones as text and rupiah as numbers, in English when asked, and it re-imports as unchanged', async () => {
    const result = await call(t.core, 'customers.export', { format: 'xlsx', status: 'active' }, owner.token, 'en');
    if (!result.ok) throw new Error(result.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(result.data.data, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Code', 'Name', 'Phone', 'Address', 'Area', 'Package', 'Price', 'Username', 'Service', 'Billing day', 'Latitude', 'Longitude', 'Status', 'Notes']);
    const landline = sheet?.getRow(2);
    expect(landline?.getCell(3).value).toBe('0281637123');
    expect(landline?.getCell(5).value).toBe('RT 03/RW 05');
    expect(landline?.getCell(7).value).toBe(150_000);
    const uploadId = await uploadFile(t.core, owner.token, result.data.fileName, Buffer.from(result.data.data, 'base64'));
    expect((await ok(t.core, 'customers.import.preview', { uploadId }, owner.token)).totals).toEqual({ new: 0, update: 0, unchanged: 2, skipped: 0 });
  });

  it('exports only the current filter', async () => {
    const file = await ok(t.core, 'customers.export', { format: 'csv', query: 'siti' }, owner.token);
    expect(readCsv(Buffer.from(file.data, 'base64'))).toHaveLength(2);
    const area = await ok(t.core, 'customers.export', { format: 'csv', area: 'rt 03/rw 05' }, owner.token);
    expect(readCsv(Buffer.from(area.data, 'base64'))).toHaveLength(2);
  });
});
