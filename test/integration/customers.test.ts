import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.js';
import { id as idMessages } from '../../shared/i18n/id.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import type { Customer } from '../../shared/domain/customer.js';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { customerWelcomeRule } from '../../main/customers/notifications.js';

describe('customers', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let packageId: string;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    // Enough room for the paging tests; the limit itself is tested in tenant-gating.
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    packageId = await createPackage(t.core, owner.token);
  });
  afterEach(() => t.cleanup());

  const create = (n: number, overrides: Parameters<typeof customerInput>[2] = {}) =>
    ok(t.core, 'customers.create', customerInput(packageId, n, overrides), owner.token);
  const list = (input: Parameters<typeof ok<'customers.list'>>[2]) => ok(t.core, 'customers.list', input, owner.token);

  describe('create', () => {
    it.each([['081234567890'], ['0812-3456-7890'], ['+62 812 3456 7890'], ['+6281234567890'], ['6281234567890'], ['62 812-3456-7890']])(
      'stores phone %j as +6281234567890',
      async (phone) => {
        const c = await create(1, { phone });
        expect(c.phone).toBe('+6281234567890');
        expect(t.core.db.prepare('SELECT phone FROM customers WHERE id = ?').pluck().get(c.id)).toBe('+6281234567890');
      },
    );

    it('returns the full customer with its package, a code and defaults', async () => {
      const c = await create(7, { name: '  Budi   Santoso ', address: 'Jl. Kampus No. 3' });
      expect(c).toMatchObject({
        code: 'C00001',
        name: 'Budi   Santoso',
        packageId,
        packageName: 'Hemat 10 Mbps',
        packagePrice: 150_000,
        routerId: null,
        serviceType: 'pppoe',
        status: 'active',
        address: 'Jl. Kampus No. 3',
      });
      expect((await create(8)).code).toBe('C00002');
    });

    it('refuses an invalid phone with a field error in Bahasa Indonesia and in English', async () => {
      const input = customerInput(packageId, 1, { phone: '0812-34' });
      const inId = await call(t.core, 'customers.create', input, owner.token, 'id');
      const inEn = await call(t.core, 'customers.create', input, owner.token, 'en');
      expect(inId).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: idMessages.errors.VALIDATION_FAILED, fields: { phone: idMessages.validation.phone } },
      });
      expect(inEn).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: en.errors.VALIDATION_FAILED, fields: { phone: en.validation.phone } },
      });
      expect(t.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(0);
    });

    it('refuses a landline or a foreign number for WhatsApp, in Bahasa Indonesia and in English', async () => {
      for (const phone of ['021-5551234', '+1 202 555 0143']) {
        const input = customerInput(packageId, 1, { phone });
        expect(await call(t.core, 'customers.create', input, owner.token, 'id')).toMatchObject({
          error: { code: 'VALIDATION_FAILED', fields: { phone: idMessages.validation.phoneNotMobile } },
        });
        expect(await call(t.core, 'customers.create', input, owner.token, 'en')).toMatchObject({
          error: { code: 'VALIDATION_FAILED', fields: { phone: en.validation.phoneNotMobile } },
        });
      }
      expect(t.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(0);
    });

    it('keeps a number marked "tidak ada WhatsApp" out of every WhatsApp message: no welcome, no broadcast', async () => {
      const landline = await create(1, { phone: '(0281) 637123', whatsapp: false });
      const abroad = await create(2, { phone: '+1 202 555 0143', whatsapp: false });
      const mobile = await create(3);
      expect([landline.phone, landline.whatsapp, abroad.phone, abroad.whatsapp, mobile.whatsapp]).toEqual([
        '+62281637123',
        false,
        '+12025550143',
        false,
        true,
      ]);
      const welcome = customerWelcomeRule(t.core.services.customers);
      const deliveriesTo = (customerId: string) =>
        welcome.deliveries({ name: 'customer_created', tenantId: owner.tenantId, payload: { customerId } } as Parameters<typeof welcome.deliveries>[0], 'ISP').map((d) => d.to);
      expect([deliveriesTo(landline.id), deliveriesTo(abroad.id), deliveriesTo(mobile.id)]).toEqual([[], [], [mobile.phone]]);
      expect(t.core.services.customers.contacts(owner.tenantId, {}).map((c) => c.customerId)).toEqual([mobile.id]);
    });

    it('stores names and addresses on one line, without control characters or direction overrides', async () => {
      const c = await create(1, { name: 'Budi\n\nTagihan Anda LUNAS\u0000', address: 'Jl. Kampus\r\nNo. \u202E3' });
      expect([c.name, c.address]).toEqual(['Budi Tagihan Anda LUNAS', 'Jl. Kampus No. 3']);
      const renamed = await ok(t.core, 'customers.update', { id: c.id, name: 'Siti\u2028Aminah' }, owner.token);
      expect(renamed.name).toBe('Siti Aminah');
    });

    it('tells the form who already has this phone or this name, whatever its form or case, the edited customer aside', async () => {
      const budi = await create(1, { name: 'Budi Santoso', phone: '0812-1111-2222' });
      const family = await create(2, { name: 'Siti Aminah', phone: '0812-1111-2222' });
      const ask = (input: { phone?: string; name?: string; exceptId?: string }) => ok(t.core, 'customers.duplicates', input, owner.token);
      const seen = await ask({ phone: '+62 812 1111 2222', name: '  budi \n  SANTOSO\u202E ' });
      expect(seen.phone.map((c) => c.code)).toEqual([budi.code, family.code]);
      expect(seen.name).toEqual([{ id: budi.id, code: budi.code, name: 'Budi Santoso', phone: '+6281211112222', status: 'active' }]);
      expect(await ask({ phone: '0812-1111-2222', name: 'Budi Santoso', exceptId: budi.id })).toMatchObject({ phone: [{ id: family.id }], name: [] });
      expect(await ask({ phone: '0812-9999-0000', name: 'Joko' })).toEqual({ phone: [], name: [] });
      expect(await ask({ phone: 'bukan nomor' })).toEqual({ phone: [], name: [] });
    });

    it('shows the router that serves a customer by name (asked of the network module), and refuses a router of nobody', async () => {
      const routerId = t.core.services.routers.create(owner.tenantId, { name: 'RB Pusat', host: '10.0.0.1', username: 'api', password: 'rahasia' });
      const served = await create(1, { routerId });
      const other = await create(2);
      expect(served).toMatchObject({ routerId, routerName: 'RB Pusat' });
      expect(other).toMatchObject({ routerId: null, routerName: null });
      const page = await list({});
      expect(page.items.map((c) => [c.name, c.routerName])).toEqual([['Pelanggan 1', 'RB Pusat'], ['Pelanggan 2', null]]);

      const refused = await call(t.core, 'customers.create', customerInput(packageId, 3, { routerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), owner.token);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { routerId: expect.any(String) } } });
    });

    it('refuses a taken PPPoE username, whatever its case, with a field error', async () => {
      await create(1, { username: 'budi.rw05' });
      const again = await call(t.core, 'customers.create', customerInput(packageId, 2, { username: 'Budi.RW05' }), owner.token);
      expect(again).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: idMessages.errors.CONFLICT, fields: { username: idMessages.conflicts.customerUsername } },
      });
      const other = await create(3);
      expect(await call(t.core, 'customers.update', { id: other.id, username: 'BUDI.rw05' }, owner.token)).toMatchObject({
        error: { code: 'CONFLICT', fields: { username: expect.any(String) } },
      });
      expect((await call(t.core, 'customers.update', { id: other.id, username: 'pelanggan.3' }, owner.token)).ok).toBe(true);
    });

    it('refuses a package of another tenant or an inactive package', async () => {
      const missing = await call(t.core, 'customers.create', customerInput('01JH0000000000000000000000', 1), owner.token);
      expect(missing).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { packageId: expect.any(String) } } });
      const old = await createPackage(t.core, owner.token, 'Lama 5 Mbps', 100_000);
      await ok(t.core, 'packages.update', { id: old, active: false }, owner.token);
      expect(await call(t.core, 'customers.create', customerInput(old, 1), owner.token)).toMatchObject({
        error: { code: 'CONFLICT', fields: { packageId: expect.any(String) } },
      });
    });

    it('a refused create leaves no row, no event and no change log', async () => {
      await create(1, { username: 'taken' });
      const before = {
        customers: t.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get(),
        outbox: t.core.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get(),
        changes: t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get(),
        counter: t.core.db.prepare(`SELECT value FROM counters WHERE name = 'customer_code'`).pluck().get(),
      };
      await call(t.core, 'customers.create', customerInput(packageId, 2, { username: 'taken' }), owner.token);
      expect({
        customers: t.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get(),
        outbox: t.core.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get(),
        changes: t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get(),
        counter: t.core.db.prepare(`SELECT value FROM counters WHERE name = 'customer_code'`).pluck().get(),
      }).toEqual(before);
    });
  });

  describe('update, deactivate, reactivate', () => {
    it('a patch changes only what it sends', async () => {
      const c = await create(1, { address: 'Jl. Gerilya 1' });
      const updated = await ok(t.core, 'customers.update', { id: c.id, phone: '+62 857 1111 2222', billingDay: 28 }, owner.token);
      expect(updated).toMatchObject({ phone: '+6285711112222', billingDay: 28, address: 'Jl. Gerilya 1', name: c.name, username: c.username });
    });

    it('deactivate and reactivate move the status, and repeating them is harmless', async () => {
      const c = await create(1);
      expect((await ok(t.core, 'customers.deactivate', { id: c.id }, owner.token)).status).toBe('inactive');
      expect((await ok(t.core, 'customers.deactivate', { id: c.id }, owner.token)).status).toBe('inactive');
      expect((await ok(t.core, 'dashboard.summary', {}, owner.token)).customers).toEqual({ active: 0, isolated: 0, inactive: 1 });
      expect((await ok(t.core, 'customers.reactivate', { id: c.id }, owner.token)).status).toBe('active');
      expect((await ok(t.core, 'customers.reactivate', { id: c.id }, owner.token)).status).toBe('active');
      const events = t.core.db.prepare(`SELECT name FROM outbox WHERE name LIKE 'customer_%' ORDER BY seq`).pluck().all();
      expect(events).toEqual(['customer_created', 'customer_deactivated', 'customer_reactivated']);
    });

    it('a customer of another tenant is NOT_FOUND', async () => {
      const otherTenant = t.core.db.transaction(() => t.core.services.tenants.create({ name: 'ISP Lain', timezone: 'Asia/Jakarta' }))();
      const otherPackage = t.core.services.packages.create(otherTenant, { name: 'Lain', price: 1, routerProfile: '', rateLimit: '', active: true });
      const theirs = t.core.services.customers.create(otherTenant, {
        ...customerInput(otherPackage.id, 1),
        phone: '+6281200000001',
        address: '',
        latitude: null,
        longitude: null,
        routerId: null,
        serviceType: 'pppoe',
        notes: '',
      });
      for (const method of ['customers.get', 'customers.deactivate', 'customers.reactivate'] as const) {
        expect(await call(t.core, method, { id: theirs.id }, owner.token)).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
      expect(await call(t.core, 'customers.update', { id: theirs.id, name: 'Dibajak' }, owner.token)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect((await list({})).total).toBe(0);
      expect(t.core.services.customers.get(otherTenant, theirs.id).name).toBe('Pelanggan 1');
    });
  });

  describe('change log and events', () => {
    it('records inserts and updates of customers for sync', async () => {
      const c = await create(1);
      await ok(t.core, 'customers.update', { id: c.id, name: 'Siti Rahayu' }, owner.token);
      await ok(t.core, 'customers.deactivate', { id: c.id }, owner.token);
      const rows = t.core.db
        .prepare(`SELECT tenant_id, op, row FROM change_log WHERE entity = 'customers' AND entity_id = ? ORDER BY seq`)
        .all(c.id) as { tenant_id: string; op: string; row: string }[];
      expect(rows.map((r) => r.op)).toEqual(['insert', 'update', 'update']);
      expect(rows.every((r) => r.tenant_id === owner.tenantId)).toBe(true);
      const last = JSON.parse(rows.at(-1)!.row) as Record<string, unknown>;
      expect(last).toMatchObject({ id: c.id, name: 'Siti Rahayu', status: 'inactive', phone: '+6281210000001' });
    });

    it('publishes customer events to core listeners after commit', async () => {
      const seen: DomainEvent[] = [];
      t.core.onEvent((e) => seen.push(e));
      const c = await create(1);
      await ok(t.core, 'customers.update', { id: c.id, notes: 'pagar hijau' }, owner.token);
      await ok(t.core, 'customers.deactivate', { id: c.id }, owner.token);
      await ok(t.core, 'customers.reactivate', { id: c.id }, owner.token);
      await t.core.bus.drain();
      const customerEvents = seen.filter((e) => e.name.startsWith('customer_'));
      expect(customerEvents.map((e) => [e.name, e.tenantId, e.payload])).toEqual([
        ['customer_created', owner.tenantId, { customerId: c.id }],
        ['customer_updated', owner.tenantId, { customerId: c.id }],
        ['customer_deactivated', owner.tenantId, { customerId: c.id }],
        ['customer_reactivated', owner.tenantId, { customerId: c.id }],
      ]);
    });
  });

  describe('search', () => {
    let budi: Customer;
    let siti: Customer;
    let agus: Customer;

    beforeEach(async () => {
      budi = await create(1, { name: 'Budi Santoso', phone: '0812-3456-7890', username: 'budi.grendeng' });
      siti = await create(2, { name: 'Siti Rahayu', phone: '+62 857 1122 3344', username: 'siti@rw05' });
      agus = await create(3, { name: 'Agus Budiman', phone: '6289655667788', username: 'agus.b' });
      await create(4, { name: 'Dewi Lestari', phone: '081399887766', username: 'dewi' });
    });

    const names = async (query: string, extra: Record<string, unknown> = {}) =>
      (await list({ query, ...extra })).items.map((c) => c.name);

    it('finds by a name substring, in any case, across words', async () => {
      expect(await names('budi')).toEqual(['Agus Budiman', 'Budi Santoso']);
      expect(await names('SANTO')).toEqual(['Budi Santoso']);
      expect(await names('udima')).toEqual(['Agus Budiman']);
      expect(await names('budi santoso')).toEqual(['Budi Santoso']);
      expect(await names('rahayu siti')).toEqual(['Siti Rahayu']);
    });

    it('finds by phone typed in the 08 form, the 62 form and with punctuation', async () => {
      expect(await names('0812-3456')).toEqual(['Budi Santoso']);
      expect(await names('08123456')).toEqual(['Budi Santoso']);
      expect(await names('628123456')).toEqual(['Budi Santoso']);
      expect(await names('+62 812 3456 7890')).toEqual(['Budi Santoso']);
      expect(await names('0857 1122')).toEqual(['Siti Rahayu']);
      expect(await names('6285711')).toEqual(['Siti Rahayu']);
      expect(await names('1122 3344')).toEqual(['Siti Rahayu']);
      expect(await names('0896')).toEqual(['Agus Budiman']);
    });

    it('finds by PPPoE username and customer code', async () => {
      expect(await names('siti@rw05')).toEqual(['Siti Rahayu']);
      expect(await names('grendeng')).toEqual(['Budi Santoso']);
      expect(await names(agus.code.toLowerCase())).toEqual(['Agus Budiman']);
    });

    it('answers terms shorter than three characters', async () => {
      expect(await names('ag')).toEqual(['Agus Budiman']);
      expect(await names('s')).toEqual(['Agus Budiman', 'Budi Santoso', 'Dewi Lestari', 'Siti Rahayu']);
      expect(await names('bu ag')).toEqual(['Agus Budiman']);
      expect(await names('%')).toEqual([]);
      expect(await names('_')).toEqual([]);
    });

    it('finds nothing for what no one matches, and survives FTS syntax', async () => {
      expect(await names('zzzz')).toEqual([]);
      for (const q of ['"', '"budi', 'budi*', 'NEAR(budi', 'budi OR siti', 'a AND', '(', '-budi', '^budi', ':']) {
        const result = await call(t.core, 'customers.list', { query: q }, owner.token);
        expect(result.ok, q).toBe(true);
      }
    });

    it('follows renames, phone changes and status filters', async () => {
      await ok(t.core, 'customers.update', { id: siti.id, name: 'Siti Nurhaliza', phone: '0877 5555 6666' }, owner.token);
      expect(await names('rahayu')).toEqual([]);
      expect(await names('nurhal')).toEqual(['Siti Nurhaliza']);
      expect(await names('0857 1122')).toEqual([]);
      expect(await names('08775555')).toEqual(['Siti Nurhaliza']);
      await ok(t.core, 'customers.deactivate', { id: budi.id }, owner.token);
      expect(await names('budi', { status: 'active' })).toEqual(['Agus Budiman']);
      expect(await names('budi', { status: 'inactive' })).toEqual(['Budi Santoso']);
    });

    it('reports the total of the whole filter on every page', async () => {
      const first = await list({ query: 'budi', limit: 1 });
      expect(first).toMatchObject({ total: 2, items: [{ name: 'Agus Budiman' }] });
      const second = await list({ query: 'budi', limit: 1, cursor: first.nextCursor });
      expect(second).toMatchObject({ total: 2, items: [{ name: 'Budi Santoso' }], nextCursor: null });
    });
  });

  describe('keyset paging', () => {
    it('returns every customer exactly once across pages, in (name, id) order', async () => {
      // Names that collide after case and spacing are folded: the id must break the tie.
      const names = ['Budi Santoso', 'budi santoso', 'BUDI  SANTOSO', 'Agus', 'Zaenal', 'agus', 'Citra', 'Éko', 'eko', '  Dewi'];
      const created: Customer[] = [];
      for (let i = 0; i < 47; i++) created.push(await create(i, { name: `${names[i % names.length]}${i % 3 === 0 ? '' : ` ${i % 5}`}` }));

      for (const limit of [1, 7, 10, 47, 50]) {
        const seen: Customer[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<typeof list>> = await list({ limit, cursor });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          expect(page.total).toBe(47);
          seen.push(...page.items);
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 100);
        expect(pages).toBe(Math.ceil(47 / limit));
        expect(seen.map((c) => c.id).sort()).toEqual(created.map((c) => c.id).sort());
        const keys = seen.map((c) => [c.name.trim().replace(/\s+/g, ' ').toLowerCase(), c.id] as const);
        const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
        expect(keys, `limit ${limit}`).toEqual(sorted);
      }
    });

    it('paging with a filter stays inside the filter', async () => {
      for (let i = 0; i < 30; i++) await create(i, { name: i % 2 ? `Budi ${i}` : `Siti ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list({ query: 'budi', limit: 4, cursor });
        seen.push(...page.items.map((c) => c.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(15);
      expect(seen.every((n) => n.startsWith('Budi'))).toBe(true);
    });

    it('a row added before the cursor while paging does not shift the next page', async () => {
      for (let i = 0; i < 10; i++) await create(i, { name: `Pelanggan ${String(i).padStart(2, '0')}` });
      const first = await list({ limit: 5 });
      await create(100, { name: 'Aaa Baru' });
      const second = await list({ limit: 5, cursor: first.nextCursor });
      expect(second.items.map((c) => c.name)).toEqual(['Pelanggan 05', 'Pelanggan 06', 'Pelanggan 07', 'Pelanggan 08', 'Pelanggan 09']);
    });

    it('refuses a forged cursor as a field error', async () => {
      const result = await call(t.core, 'customers.list', { cursor: 'bm90LWEtY3Vyc29y' }, owner.token);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { cursor: expect.any(String) } } });
    });
  });
});
