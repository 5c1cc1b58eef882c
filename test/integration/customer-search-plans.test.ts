import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../main/db/index.js';
import { WALK_FROM, nameKey, pageQuery, parseCustomerQuery, type CustomerQuery } from '../../main/customers/customer-search.js';
import type { Customer } from '../../shared/domain/customer.js';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * The search answers from indexes and picks its plan by how many rows match (customer-search.ts).
 * These tests hold the answers to what the plain definition says: a term matches a customer when
 * it is a substring of the name (case and spacing folded) or of the username — or, from three
 * characters on, of a phone form or the code.
 */
describe('customer search indexes and plans', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let packageId: string;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    packageId = await createPackage(t.core, owner.token);
  });
  afterEach(() => t.cleanup());

  const create = (n: number, overrides: Parameters<typeof customerInput>[2] = {}) =>
    ok(t.core, 'customers.create', customerInput(packageId, n, overrides), owner.token);
  const list = (input: Parameters<typeof ok<'customers.list'>>[2]) => ok(t.core, 'customers.list', input, owner.token);

  const PEOPLE = [
    { name: 'Budi Santoso', username: 'budi.grendeng' },
    { name: 'Siti  Rahayu', username: 'siti@rw05' },
    { name: 'Éko Prasetyo', username: 'eko-12' },
    { name: "Ma'ruf Amin", username: 'maruf_01' },
    { name: 'Dewi Lestari', username: 'DEWI' },
  ];
  const SHORT_TERMS = ['a', 'b', 'q', 'x', '1', '12', '05', 'an', 'bu', 'qz', 'i.', '@r', '_0', "'r", 'é', 'ék', 'ti', 'wi', 'f r', '%', '_'];

  /** The names a short term must find: by definition, not by the index. */
  const expected = (people: Customer[], term: string) =>
    people
      .filter((c) => nameKey(c.name).includes(term) || c.username.toLowerCase().includes(term))
      .map((c) => c.name)
      .sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1));

  const check = async (people: Customer[]) => {
    for (const query of SHORT_TERMS) {
      const terms = query.split(' ');
      const want = people.map((c) => c.name).filter((name) => terms.every((term) => expected(people, term).includes(name)));
      const page = await list({ query });
      expect(page.items.map((c) => c.name), query).toEqual(want.sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1)));
      expect(page.total, query).toBe(want.length);
    }
  };

  it('one- and two-character terms find exactly the names and usernames that contain them, in any script or punctuation', async () => {
    const people: Customer[] = [];
    for (const [i, p] of PEOPLE.entries()) people.push(await create(i + 1, p));
    await check(people);
  });

  it('one- and two-character terms follow renames and username changes', async () => {
    const people: Customer[] = [];
    for (const [i, p] of PEOPLE.entries()) people.push(await create(i + 1, p));
    people[0] = await ok(t.core, 'customers.update', { id: people[0]!.id, name: 'Qori Zulaikha' }, owner.token);
    people[1] = await ok(t.core, 'customers.update', { id: people[1]!.id, username: 'xena.12' }, owner.token);
    await check(people);
    for (const gone of ['@r', 'nt']) expect((await list({ query: gone })).total, gone).toBe(0);
    expect((await list({ query: 'xe' })).items.map((c) => c.name)).toEqual(['Siti  Rahayu']);
    expect((await list({ query: 'q' })).items.map((c) => c.name)).toEqual(['Qori Zulaikha']);
  });

  it('a short term that no one has returns an empty page and a zero total', async () => {
    await create(1, { name: 'Budi Santoso' });
    for (const query of ['qz', 'q', 'zq', 'x', '0z']) expect(await list({ query }), query).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('short terms with a phone form still match name and username only, and the phone from three digits on', async () => {
    await create(1, { name: 'Budi Santoso', phone: '0812-3456-7890', username: 'budi' });
    await create(2, { name: 'Agus 12', phone: '0857-0000-0000', username: 'agus' });
    expect((await list({ query: '12' })).items.map((c) => c.name)).toEqual(['Agus 12']);
    expect((await list({ query: '(0' })).total).toBe(0);
    expect((await list({ query: '812' })).items.map((c) => c.name)).toEqual(['Budi Santoso']);
    expect((await list({ query: '62 812' })).items.map((c) => c.name)).toEqual(['Budi Santoso']);
  });

  it("counts only the caller's customers when another tenant shares the file", async () => {
    await create(1, { name: 'Budi Santoso' });
    await create(2, { name: 'Agus Budiman' });
    const alone = await list({ query: 'budi bu' });
    const other = t.core.db.transaction(() => t.core.services.tenants.create({ name: 'ISP Lain', timezone: 'Asia/Jakarta' }))();
    const theirPackage = t.core.services.packages.create(other, { name: 'Lain', price: 1, routerProfile: '', rateLimit: '', active: true });
    for (let i = 1; i <= 3; i++) {
      t.core.services.customers.create(other, {
        ...customerInput(theirPackage.id, 100 + i, { name: `Budi Lain ${i}` }),
        address: '',
        latitude: null,
        longitude: null,
        routerId: null,
        serviceType: 'pppoe',
        notes: '',
      });
    }
    for (const query of ['budi', 'bu', 'b', 'budi bu']) {
      const page = await list({ query });
      expect(page.total, query).toBe(2);
      expect(page.items.map((c) => c.name), query).toEqual(['Agus Budiman', 'Budi Santoso']);
    }
    expect(await list({ query: 'budi bu' })).toEqual(alone);
  });

  it('a next page keeps the total its search counted; a new search recounts', async () => {
    for (let i = 0; i < 6; i++) await create(i, { name: `Budi ${i}` });
    const first = await list({ query: 'budi', limit: 4 });
    expect(first.total).toBe(6);
    await create(10, { name: 'Budi 9' });
    expect((await list({ query: 'budi', limit: 4, cursor: first.nextCursor })).total).toBe(6);
    expect((await list({ query: 'budi', limit: 4 })).total).toBe(7);
  });

  describe('plans', () => {
    const search = (q: Partial<CustomerQuery>) => parseCustomerQuery(owner.tenantId, { query: '', status: null, packageId: null, area: null, cursor: null, limit: 3, ...q });
    const SELECT = 'SELECT c.name_key, c.id FROM customers c';

    it('walking the name order and fetching the matches give the same pages', async () => {
      const names = ['Budi Santoso', 'Ani Budiman', 'Santi Rahayu', 'Anas', 'Budiana', 'Sri Handayani', 'Andi Santoso', 'Bu Ana'];
      for (const [i, name] of names.entries()) await create(i, { name, username: `u${i}.an` });
      for (const query of ['an', 'bu', 'santo', 'budi an', 'a n', 'zz']) {
        for (const status of [null, 'active'] as const) {
          const walk = (total: number) => {
            const rows: unknown[] = [];
            let after: { nameKey: string; id: string; total: number } | null = null;
            for (;;) {
              const built = pageQuery({ ...search({ query, status }), after }, SELECT, total);
              const got = t.core.db.prepare(built.sql).all(...built.params) as { name_key: string; id: string }[];
              rows.push(...got.slice(0, 3));
              const last = got[2];
              if (got.length <= 3 || !last) return rows;
              after = { nameKey: last.name_key, id: last.id, total };
            }
          };
          expect(walk(WALK_FROM), `${query} ${status}`).toEqual(walk(1));
        }
      }
    });

    it('a walked page reads the name index in order and never sorts; a rare short term reads its own index', () => {
      const plan = (q: Partial<CustomerQuery>, total: number) => {
        const built = pageQuery(search(q), SELECT, total);
        return (t.core.db.prepare(`EXPLAIN QUERY PLAN ${built.sql}`).all(...built.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      };
      for (const q of [{ query: 'an' }, { query: 'santoso' }, { query: 'budi an' }]) {
        const walked = plan(q, WALK_FROM);
        expect(walked, q.query).toContain('customers_by_name');
        expect(walked, q.query).not.toContain('TEMP B-TREE');
      }
      expect(plan({ query: 'qz' }, 0)).toContain('customers_grams');
    });
  });

  it('migration 014 indexes the customers that were there before it', async () => {
    await create(1, { name: 'Budi Santoso', username: 'bs' });
    await create(2, { name: 'Agus Budiman', username: 'ab' });
    const db = t.core.db;
    db.exec(`DROP TRIGGER customers_grams_insert; DROP TRIGGER customers_grams_update; DROP TRIGGER customers_grams_delete;
      DROP TABLE customers_grams; DELETE FROM schema_migrations WHERE version = 14;`);
    expect(migrate(db, migrations)).toEqual([14]);
    expect((await list({ query: 'bu' })).items.map((c) => c.name)).toEqual(['Agus Budiman', 'Budi Santoso']);
    expect((await list({ query: 'ab' })).items.map((c) => c.name)).toEqual(['Agus Budiman']);
  });
});
