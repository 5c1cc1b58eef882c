import { describe, expect, it } from 'vitest';
import {
  WALK_FROM,
  countQuery,
  encodeCursor,
  nameKey,
  pageQuery,
  parseCustomerQuery,
  type CustomerQuery,
} from '../../main/customers/customer-search.js';
import { Failure } from '../../main/platform/index.js';

const TENANT = '01JGZZZZZZZZZZZZZZZZZZZZZZ';
const base: CustomerQuery = { query: '', status: null, packageId: null, area: null, cursor: null, limit: 50 };
const parse = (q: Partial<CustomerQuery>) => parseCustomerQuery(TENANT, { ...base, ...q });
/** The page as a search with few matches (fetched and sorted) or many (walked in name order) builds it. */
const page = (q: Partial<CustomerQuery>, total = 1) => pageQuery(parse(q), 'SELECT * FROM customers c', total);
const hex = (s: string) => `"${Buffer.from(s, 'utf8').toString('hex')}"`;

/** The trigram index's MATCH argument, when the page uses it. */
const matchOf = (q: Partial<CustomerQuery>) => {
  const built = page(q);
  return built.sql.includes('customers_search MATCH ?') ? built.params[1] : undefined;
};

describe('nameKey', () => {
  it('ignores case and extra spacing', () => {
    expect(nameKey('  Budi   SANTOSO ')).toBe('budi santoso');
    expect(nameKey('budi santoso')).toBe(nameKey('Budi\tSantoso'));
  });
});

describe('customer search terms', () => {
  it('an empty query filters by tenant only', () => {
    const built = page({ query: '   ' });
    expect(built.sql).not.toContain('MATCH');
    expect(built.sql).not.toContain('LIKE');
    expect(built.params).toEqual([TENANT, 51]);
    expect(countQuery(parse({ query: '   ' }), true)).toEqual({ sql: 'SELECT COUNT(*) FROM customers c WHERE c.tenant_id = ?', params: [TENANT] });
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

  it('tests terms shorter than three characters with an escaped LIKE, and finds them by their hex pieces', () => {
    expect(page({ query: 'bu' }).params).toEqual([TENANT, hex('bu'), '%bu%', '%bu%', 51]);
    expect(page({ query: '%_' }).params).toEqual([TENANT, hex('%_'), '%\\%\\_%', '%\\%\\_%', 51]);
    expect(page({ query: 'é"' }).params[1]).toBe('"c3a922"');
    expect(countQuery(parse({ query: 'bu x' }), true).params).toEqual([`${hex('bu')} ${hex('x')}`]);
  });

  it('mixes indexed and short terms: the trigram index picks the rows, the short term is tested on each', () => {
    const built = page({ query: 'budi ab' });
    expect(built.sql).not.toContain('customers_grams');
    expect(built.params).toEqual([TENANT, '"budi"', '%ab%', '%ab%', 51]);
    expect(countQuery(parse({ query: 'budi ab' }), true).params).toEqual(['"budi"', hex('ab')]);
  });
});

describe('customer search plans', () => {
  it('fetches and sorts the matches when they are few', () => {
    expect(page({ query: 'santoso' }, WALK_FROM - 1).sql).toContain(' c.rowid IN (SELECT rowid FROM customers_search');
    expect(page({ query: 'qz' }, WALK_FROM - 1).sql).toContain(' c.rowid IN (SELECT rowid FROM customers_grams');
  });

  it('walks the name order and tests each row when they are many', () => {
    expect(page({ query: 'santoso' }, WALK_FROM).sql).toContain('+c.rowid IN (SELECT rowid FROM customers_search');
    const short = page({ query: 'an' }, WALK_FROM);
    expect(short.sql).not.toContain('customers_grams');
    expect(short.params).toEqual([TENANT, '%an%', '%an%', 51]);
  });

  it('counts a text search from its indexes alone only when the tenant is alone in the file and nothing else filters', () => {
    expect(countQuery(parse({ query: 'budi' }), true)).toEqual({ sql: 'SELECT COUNT(*) FROM customers_search WHERE customers_search MATCH ?', params: ['"budi"'] });
    expect(countQuery(parse({ query: 'budi an' }), true).sql).toBe(
      'SELECT COUNT(*) FROM customers_search WHERE customers_search MATCH ? AND rowid IN (SELECT rowid FROM customers_grams WHERE customers_grams MATCH ?)',
    );
    for (const [q, soleTenant] of [[{ query: 'budi' }, false], [{ query: 'budi', status: 'active' }, true], [{ query: 'an', packageId: TENANT }, true]] as const) {
      const built = countQuery(parse(q), soleTenant);
      expect(built.sql).toMatch(/^SELECT COUNT\(\*\) FROM customers c WHERE c\.tenant_id = \? AND /);
      expect(built.params[0]).toBe(TENANT);
    }
  });
});

describe('customer search paging', () => {
  it('continues after the cursor row and asks for one row more than the page', () => {
    const cursor = encodeCursor({ nameKey: 'budi santoso', id: '01JH0000000000000000000001', total: 80 });
    const built = page({ cursor, limit: 20, status: 'active' });
    expect(built.sql).toContain('(c.name_key, c.id) > (?, ?)');
    expect(built.params).toEqual([TENANT, 'active', 'budi santoso', '01JH0000000000000000000001', 21]);
    expect(built.sql).toMatch(/ORDER BY c\.name_key, c\.id LIMIT \?$/);
  });

  it('counts the whole filter, not just what follows the cursor, and the cursor carries that total', () => {
    const cursor = encodeCursor({ nameKey: 'x', id: 'y', total: 7 });
    const search = parse({ cursor, query: 'budi' });
    expect(search.after).toEqual({ nameKey: 'x', id: 'y', total: 7 });
    const built = countQuery(search, false);
    expect(built.sql).not.toContain('name_key, c.id) >');
    expect(built.params).toEqual([TENANT, '"budi"']);
  });

  it.each([
    ['not base64 json'],
    [Buffer.from('[1,2]').toString('base64url')],
    [Buffer.from('{}').toString('base64url')],
    [Buffer.from('["x","y"]').toString('base64url')],
    [Buffer.from('["x","y",-1]').toString('base64url')],
    [Buffer.from('["x","y",1.5]').toString('base64url')],
    [''],
  ])('refuses a forged cursor %j as a field error', (cursor) => {
    if (cursor === '') return expect(page({ cursor }).sql).not.toContain('> (?, ?)');
    try {
      parse({ cursor });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(Failure);
      expect((err as Failure).code).toBe('VALIDATION_FAILED');
      expect((err as Failure).fields).toEqual({ cursor: 'validation.invalid' });
    }
  });
});
