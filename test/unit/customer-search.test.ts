import { describe, expect, it } from 'vitest';
import { buildCustomerQuery, encodeCursor, nameKey, type CustomerQuery } from '../../main/customers/customer-search.js';
import { Failure } from '../../main/platform/index.js';

const TENANT = '01JGZZZZZZZZZZZZZZZZZZZZZZ';
const base: CustomerQuery = { query: '', status: null, packageId: null, cursor: null, limit: 50 };
const build = (q: Partial<CustomerQuery>) => buildCustomerQuery(TENANT, { ...base, ...q }, 'SELECT * FROM customers c');

/** The FTS5 MATCH argument, when the query uses the trigram index. */
const matchOf = (q: Partial<CustomerQuery>) => {
  const built = build(q);
  return built.sql.includes('MATCH ?') ? built.params[1] : undefined;
};

describe('nameKey', () => {
  it('ignores case and extra spacing', () => {
    expect(nameKey('  Budi   SANTOSO ')).toBe('budi santoso');
    expect(nameKey('budi santoso')).toBe(nameKey('Budi\tSantoso'));
  });
});

describe('buildCustomerQuery search terms', () => {
  it('an empty query filters by tenant only', () => {
    const built = build({ query: '   ' });
    expect(built.sql).not.toContain('MATCH');
    expect(built.sql).not.toContain('LIKE');
    expect(built.params).toEqual([TENANT, 51]);
  });

  it('splits words and quotes each for the trigram index', () => {
    expect(matchOf({ query: 'Budi  Santoso' })).toBe('"budi" "santoso"');
  });

  it('turns a typed phone number into its digits, whatever the punctuation', () => {
    expect(matchOf({ query: '0812-3456' })).toBe('"08123456"');
    expect(matchOf({ query: '+62 812 3456' })).toBe('"628123456"');
    expect(matchOf({ query: '(0812) 34.56' })).toBe('"08123456"');
  });

  it('doubles a quote inside a term so FTS syntax cannot be injected', () => {
    expect(matchOf({ query: 'o"neil' })).toBe('"o""neil"');
    expect(matchOf({ query: 'abc* NEAR(xyz' })).toBe('"abc*" "near(xyz"');
  });

  it('filters terms shorter than three characters with an escaped LIKE', () => {
    const built = build({ query: 'bu' });
    expect(built.sql).not.toContain('MATCH');
    expect(built.params).toEqual([TENANT, '%bu%', '%bu%', 51]);
    expect(build({ query: '%_' }).params).toEqual([TENANT, '%\\%\\_%', '%\\%\\_%', 51]);
  });

  it('mixes indexed and short terms', () => {
    const built = build({ query: 'budi ab' });
    expect(built.params).toEqual([TENANT, '"budi"', '%ab%', '%ab%', 51]);
  });
});

describe('buildCustomerQuery paging', () => {
  it('continues after the cursor row and asks for one row more than the page', () => {
    const cursor = encodeCursor({ nameKey: 'budi santoso', id: '01JH0000000000000000000001' });
    const built = build({ cursor, limit: 20, status: 'active' });
    expect(built.sql).toContain('(c.name_key, c.id) > (?, ?)');
    expect(built.params).toEqual([TENANT, 'active', 'budi santoso', '01JH0000000000000000000001', 21]);
    expect(built.sql).toMatch(/ORDER BY c\.name_key, c\.id LIMIT \?$/);
  });

  it('counts the whole filter, not just what follows the cursor', () => {
    const cursor = encodeCursor({ nameKey: 'x', id: 'y' });
    const built = build({ cursor, query: 'budi' });
    expect(built.countSql).not.toContain('name_key, c.id) >');
    expect(built.countParams).toEqual([TENANT, '"budi"']);
  });

  it.each([['not base64 json'], [Buffer.from('[1,2]').toString('base64url')], [Buffer.from('{}').toString('base64url')], ['']])(
    'refuses a forged cursor %j as a field error',
    (cursor) => {
      if (cursor === '') return expect(build({ cursor }).sql).not.toContain('> (?, ?)');
      try {
        build({ cursor });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(Failure);
        expect((err as Failure).code).toBe('VALIDATION_FAILED');
        expect((err as Failure).fields).toEqual({ cursor: 'validation.invalid' });
      }
    },
  );
});
