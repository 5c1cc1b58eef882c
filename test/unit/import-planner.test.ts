import { describe, expect, it } from 'vitest';
import { planImport, type ExistingCustomer, type PlanContext } from '../../main/customers/import/import-planner.js';
import { readDay, readRow } from '../../main/customers/import/row-reader.js';
import { suggestPackage } from '../../main/customers/import/package-suggestion.js';
import type { ImportTable } from '../../main/customers/import/import-table.js';
import { importOptionsSchema, type ImportMapping } from '../../shared/domain/customer-import.js';

const UPLOAD = '01JD0000000000000000000000';
const HEMAT = '01JD0000000000000000000001';
const options = (extra: Record<string, unknown> = {}) => importOptionsSchema.parse({ uploadId: UPLOAD, ...extra });
const MAPPING: ImportMapping = { name: 0, phone: 1, username: 2, package: 3, code: 4 };
const table = (rows: string[][]): ImportTable => ({
  sheets: [],
  sheet: null,
  headers: ['nama', 'hp', 'username', 'paket', 'kode'],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const customer = (over: Partial<ExistingCustomer>): ExistingCustomer => ({
  id: '01JD00000000000000000000C1',
  code: 'C00001',
  name: 'Budi',
  phone: '+6281234567890',
  address: '',
  area: '',
  latitude: null,
  longitude: null,
  packageId: HEMAT,
  serviceType: 'pppoe',
  username: 'budi',
  billingDay: 1,
  notes: '',
  routerId: null,
  ...over,
});
const context = (customers: ExistingCustomer[] = [], room = 1000): PlanContext => ({
  customers,
  packages: [{ id: HEMAT, name: 'Hemat 10 Mbps', routerProfile: 'hemat-10m' }],
  room,
  passwordOf: () => null,
  sourceRouterId: null,
});
const plan = (rows: string[][], ctx = context(), opts = options()) => planImport(table(rows), MAPPING, opts, 'pppoe', ctx);

describe('reading one row', () => {
  it('reads the ways Indonesians write a phone as the same number', () => {
    for (const phone of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890', '81234567890', '0812.3456.7890']) {
      expect(readRow(2, ['Budi', phone], { name: 0, phone: 1 }).phone).toBe('+6281234567890');
    }
    expect(readRow(2, ['Budi', '12345'], { name: 0, phone: 1 }).problem).toBe('phoneInvalid');
    expect(readRow(2, ['Budi', '+60 12-345 6789'], { name: 0, phone: 1 }).problem).toBe('phoneInvalid');
    expect(readRow(2, ['Budi', '0281 637123'], { name: 0, phone: 1 })).toMatchObject({ phone: '+62281637123', problem: null });
  });

  it('keeps names with apostrophes and emoji, and reads coordinates in one cell or two', () => {
    const row = readRow(2, ["Siti 'Ami' O'Neil 🌸", '-7.4,109.2'], { name: 0, coordinates: 1 });
    expect(row).toMatchObject({ name: "Siti 'Ami' O'Neil 🌸", latitude: -7.4, longitude: 109.2, problem: null });
    expect(readRow(2, ['Budi', '-7,4245', '109,2303'], { name: 0, latitude: 1, longitude: 2 })).toMatchObject({ latitude: -7.4245, longitude: 109.2303 });
    expect(readRow(2, ['Budi', '200'], { name: 0, latitude: 1 }).latitude).toBeNull();
  });

  it('reads the billing day from a day, a date or an Excel serial, and 29-31 as 28', () => {
    expect(readDay('15')).toBe(15);
    expect(readDay('2024-03-15')).toBe(15);
    expect(readDay('15/03/2024')).toBe(15);
    expect(readDay('05-03-2024')).toBe(5);
    expect(readDay('45366')).toBe(15); // 2024-03-15 in Excel
    expect(readDay('31')).toBe(28);
    expect(readDay('besok')).toBeNull();
    expect(readDay('0')).toBeNull();
  });

  it('skips a row with neither name nor username, and a username the router would refuse', () => {
    expect(readRow(2, ['', '0812 3456 7890'], MAPPING).problem).toBe('missingName');
    expect(readRow(2, ['Budi', '', 'budi santoso'], MAPPING).problem).toBe('usernameInvalid');
    expect(readRow(2, ['x'.repeat(121)], MAPPING).problem).toBe('nameTooLong');
  });
});

describe('planning an import', () => {
  it('says per row what it becomes, with the reason for each skipped one, and totals', () => {
    const result = plan([
      ['Budi', '0812-3456-7890', 'budi', 'Hemat 10 Mbps'],
      ['Budi lagi', '0812-3456-7891', 'BUDI', 'Hemat 10 Mbps'],
      ['Siti', '12345', 'siti', 'Hemat 10 Mbps'],
      ['Agus', '0812-3456-7892', 'agus', 'Gold 50'],
      ['Joko', '0812-3456-7893', 'joko', ''],
      ['Dewi', '0812-3456-7894', 'dewi', 'hemat-10m'],
    ]);
    expect(result.rows.map((r) => [r.line, r.outcome, r.reason])).toEqual([
      [2, 'new', null],
      [3, 'skipped', 'duplicateInFile'],
      [4, 'skipped', 'phoneInvalid'],
      [5, 'skipped', 'unknownPackage'],
      [6, 'skipped', 'missingPackage'],
      [7, 'new', null],
    ]);
    expect(result.totals).toEqual({ new: 2, update: 0, unchanged: 0, skipped: 4 });
    expect(result.unknownPackages).toEqual([{ name: 'Gold 50', rows: 1, suggestedPackageId: null }]);
  });

  it('maps or creates an unknown package as decided, and uses the default package for empty cells', () => {
    const rows = [['Agus', '', 'agus', 'Gold 50'], ['Joko', '', 'joko', '']];
    const decided = plan(rows, context(), options({ packages: { 'gold 50': { action: 'create', price: 0 } }, defaultPackageId: HEMAT }));
    expect(decided.rows.map((r) => r.outcome)).toEqual(['new', 'new']);
    expect([...decided.packagesToCreate.values()]).toEqual([{ name: 'Gold 50', price: 0 }]);
    const mapped = plan(rows.slice(0, 1), context(), options({ packages: { 'gold 50': { action: 'map', packageId: HEMAT } } }));
    expect(mapped.rows[0]?.write).toMatchObject({ kind: 'create', customer: { packageId: HEMAT } });
    // A package chosen before it was deactivated (or an id from nowhere) is no choice at all.
    const GONE = '01JD0000000000000000000009';
    const stale = plan(rows, context(), options({ packages: { 'gold 50': { action: 'map', packageId: GONE } }, defaultPackageId: GONE }));
    expect(stale.rows.map((r) => r.reason)).toEqual(['unknownPackage', 'missingPackage']);
  });

  it('finds a customer by username first, then code, then phone with the name, then the name alone', () => {
    const budi = customer({});
    const siti = customer({ id: '01JD00000000000000000000C2', code: 'C00002', name: 'Siti', phone: '+6281234567891', username: 'siti' });
    const ctx = context([budi, siti]);
    // Username says Budi, code says Siti: username wins.
    expect(plan([['Budi', '', 'BUDI', '', 'C00002']], ctx).rows[0]).toMatchObject({ outcome: 'unchanged', matchedBy: 'username', customerId: budi.id });
    expect(plan([['Siti Baru', '', '', '', 'c00002']], ctx).rows[0]).toMatchObject({ outcome: 'update', matchedBy: 'code', changes: ['name'] });
    expect(plan([['Siti', '0812 3456 7891', '', '']], ctx).rows[0]).toMatchObject({ outcome: 'unchanged', matchedBy: 'phone' });
    expect(plan([['Siti', '', '', '']], ctx).rows[0]).toMatchObject({ outcome: 'unchanged', matchedBy: 'name' });
    // A username no one has is a new account even at a number a customer already has (families share one).
    expect(plan([['Budi', '0812-3456-7890', 'budi2', 'Hemat 10 Mbps']], ctx).rows[0]).toMatchObject({ outcome: 'new' });
  });

  it('tells family members at one number apart by name, and makes free usernames for rows without one', () => {
    const budi = customer({});
    const ani = customer({ id: '01JD00000000000000000000C3', code: 'C00003', name: 'Ani', username: 'ani' });
    const result = plan(
      [
        ['Ani', '0812-3456-7890', '', 'Hemat 10 Mbps'],
        ['Citra Dewi', '0812-3456-7899', '', 'Hemat 10 Mbps'],
        ['Citra-Dewi', '0812-3456-7898', '', 'Hemat 10 Mbps'],
        ['🌸', '0812-3456-7897', '', 'Hemat 10 Mbps'],
      ],
      context([budi, ani]),
    );
    expect(result.rows.map((r) => [r.outcome, r.customerId, r.username])).toEqual([
      ['unchanged', ani.id, 'ani'],
      ['new', null, 'citra.dewi'],
      ['new', null, 'citra.dewi2'],
      ['new', null, 'pelanggan'],
    ]);
  });

  it('updates only what the file says and differs; an empty cell never clears a field', () => {
    const budi = customer({ address: 'Purwokerto', notes: 'tiang 3' });
    const result = planImport(
      { ...table([]), rows: [{ line: 2, cells: ['Budi', '', 'budi', '', 'Sokaraja'] }] },
      { name: 0, phone: 1, username: 2, notes: 3, address: 4 },
      options(),
      'pppoe',
      context([budi]),
    );
    expect(result.rows[0]).toMatchObject({ outcome: 'update', changes: ['address'], write: { kind: 'update', patch: { address: 'Sokaraja' } } });
  });

  it('takes new customers up to the room the plan has, and skips the rest with the reason', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`Pelanggan ${i}`, '', `p${i}`, 'Hemat 10 Mbps']);
    expect(plan(rows, context([], 2)).rows.map((r) => r.reason)).toEqual([null, null, 'limitReached', 'limitReached', 'limitReached']);
  });

  it('plans 20,000 rows, and a second run over what the first created finds everyone unchanged', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Pelanggan ${i}`, `0812${String(10_000_000 + i).slice(-8)}`, `p${i}`, 'Hemat 10 Mbps']);
    const first = plan(rows, context([], 20_000));
    expect(first.totals).toEqual({ new: 20_000, update: 0, unchanged: 0, skipped: 0 });
    const created = first.rows.map((r, i): ExistingCustomer => {
      if (r.write?.kind !== 'create') throw new Error('expected a new row');
      return { ...r.write.customer, id: `01JD${String(i).padStart(22, '0')}`, code: `C${String(i + 1).padStart(5, '0')}` };
    });
    expect(plan(rows, context(created, 0)).totals).toEqual({ new: 0, update: 0, unchanged: 20_000, skipped: 0 });
  });
});

describe('suggesting a package for a name no package has', () => {
  const packages = [
    { id: 'GOLD', name: 'Gold 50 Mbps', routerProfile: 'paket-gold' },
    { id: 'HEMAT', name: 'Hemat 10 Mbps', routerProfile: 'hemat-10m' },
    { id: 'HEMAT2', name: 'Hemat 20 Mbps', routerProfile: '' },
  ];

  it('suggests the one package whose name or router profile reads alike, case and spacing aside', () => {
    expect(suggestPackage('gold-50m', packages)).toBe('GOLD');
    expect(suggestPackage('PAKET_GOLD', packages)).toBe('GOLD');
    expect(suggestPackage('Hemat 10', packages)).toBe('HEMAT');
  });

  it('suggests nothing when two packages are alike or the name is too short to say', () => {
    expect(suggestPackage('hemat', packages)).toBeNull();
    expect(suggestPackage('10m', packages)).toBeNull();
    expect(suggestPackage('staff', packages)).toBeNull();
  });

  it('is part of the preview for each unknown name', () => {
    const result = plan([['Budi', '', 'budi', 'hemat-10mbps']], { ...context(), packages: [{ id: HEMAT, name: 'Hemat 10 Mbps', routerProfile: '' }] });
    expect(result.unknownPackages).toEqual([{ name: 'hemat-10mbps', rows: 1, suggestedPackageId: HEMAT }]);
  });
});
