import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestCore, ok, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime } from '../support/billing.js';
import { customerInput } from '../support/customers.js';
import { uploadFile } from '../support/customer-import.js';
import type { MethodInput } from '../../shared/contract/index.js';

/** "Wilayah": a customer's area, typed freely, offered back by the form, and a filter of the customer list and of Tagihan. */
describe('customer area', () => {
  let t: TestCore;
  let o: Awaited<ReturnType<typeof billingTenant>>;
  let n = 0;

  beforeEach(async () => {
    n = 0;
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 2, 9, 0)) });
    o = await billingTenant(t.core);
  });
  afterEach(() => t.cleanup());

  const add = async (area?: string) => (await ok(t.core, 'customers.create', customerInput(o.packageId, ++n, { billingDay: 1, ...(area === undefined ? {} : { area }) }), o.token)).id;
  const names = async (filter: Partial<MethodInput<'customers.list'>>) => (await ok(t.core, 'customers.list', filter, o.token)).items.map((c) => c.name).sort();
  const invoiceCustomers = async (area: string | null) => (await ok(t.core, 'billing.invoices.list', { area }, o.token)).items.map((i) => i.customerId).sort();

  it('is trimmed to one line with single spaces, and the same area case aside', async () => {
    const id = await add('  RT 03 /\tRW 05\n ');
    expect((await ok(t.core, 'customers.get', { id }, o.token)).area).toBe('RT 03 / RW 05');
    await add('rt 03 / rw 05');
    await add('Dusun Krajan');
    await add();
    expect(await ok(t.core, 'customers.areas', {}, o.token)).toHaveLength(2);
    expect(await names({ area: 'RT 03 / RW 05' })).toEqual(['Pelanggan 1', 'Pelanggan 2']);
    expect(await names({ area: 'dusun krajan' })).toEqual(['Pelanggan 3']);
    expect(await names({ area: '' })).toEqual(['Pelanggan 4']);
    expect(await names({})).toHaveLength(4);
    // Editing another field keeps it; clearing it is an empty area.
    await ok(t.core, 'customers.update', { id, notes: 'pindah rumah' }, o.token);
    expect((await ok(t.core, 'customers.get', { id }, o.token)).area).toBe('RT 03 / RW 05');
    await ok(t.core, 'customers.update', { id, area: ' ' }, o.token);
    expect(await names({ area: '' })).toEqual(['Pelanggan 1', 'Pelanggan 4']);
  });

  it('matches odd characters literally (no pattern: %, _, quotes, backslash, emoji), and refuses one too long in the user\'s language', async () => {
    const odd = `Blok C-2 (Gg. Mawar) 100% _x_ "O'Neil" \\ 🏠`;
    await add(odd);
    await add('Blok C-2 (Gg. Mawar) 1000 axa');
    expect(await names({ area: odd })).toEqual(['Pelanggan 1']);
    expect(await names({ area: 'Blok C-2 (Gg. Mawar) 100%' })).toEqual([]);
    expect(await ok(t.core, 'customers.areas', {}, o.token)).toContain(odd);
    const long = await call(t.core, 'customers.create', customerInput(o.packageId, ++n, { area: 'x'.repeat(61) }), o.token);
    expect(long.ok ? null : { code: long.error.code, fields: long.error.fields }).toEqual({ code: 'VALIDATION_FAILED', fields: { area: expect.stringMatching(/terlalu panjang/i) } });
    const filter = await call(t.core, 'customers.list', { area: 'x'.repeat(61) }, o.token);
    expect(filter.ok ? null : filter.error.code).toBe('VALIDATION_FAILED');
  });

  it('narrows Tagihan to the invoices of an area\'s customers, asked of the customers module', async () => {
    const [a1, a2, b, none] = [await add('RT 01'), await add('rt 01'), await add('RT 02'), await add()];
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    expect(await invoiceCustomers(null)).toHaveLength(4);
    expect(await invoiceCustomers('RT 01')).toEqual([a1, a2].sort());
    expect(await invoiceCustomers('RT 02')).toEqual([b]);
    expect(await invoiceCustomers('')).toEqual([none]);
    expect(await invoiceCustomers('RT 99')).toEqual([]);
    // With the other filters: an area's open invoices.
    await ok(t.core, 'billing.payments.record', { requestKey: 'area-paid', customerId: a1 as string, amount: 150_000, method: 'cash' }, o.token);
    expect((await ok(t.core, 'billing.invoices.list', { area: 'RT 01', open: true }, o.token)).items.map((i) => i.customerId)).toEqual([a2]);
  });

  it('is read from an import file\'s "Wilayah" column, and a changed area updates the customer', async () => {
    const file = (area: string) => Buffer.from(`Nama;No HP;Username;Paket;Wilayah\nSiti Aminah;081200000001;siti;Hemat 10 Mbps;${area}\n`);
    const apply = async (area: string, requestKey: string) => {
      const uploadId = await uploadFile(t.core, o.token, 'pelanggan.csv', file(area));
      return ok(t.core, 'customers.import.apply', { uploadId, requestKey }, o.token);
    };
    const first = await apply('  Dusun   Krajan ', 'impor-wilayah-1');
    expect(first.totals.new).toBe(1);
    expect(await names({ area: 'Dusun Krajan' })).toEqual(['Siti Aminah']);
    const again = await apply('Dusun Krajan', 'impor-wilayah-2');
    expect(again.totals).toMatchObject({ new: 0, update: 0, unchanged: 1 });
    const moved = await apply('RT 04/RW 01', 'impor-wilayah-3');
    expect(moved.rows[0]).toMatchObject({ outcome: 'update', changes: ['area'] });
    expect(await names({ area: 'RT 04/RW 01' })).toEqual(['Siti Aminah']);
  });
});
