import type { CustomerStatus } from '../../shared/domain/customer.js';
import { Failure } from '../platform/index.js';
import { Where } from '../db/index.js';

export interface CustomerQuery {
  query: string;
  status: CustomerStatus | null;
  packageId: string | null;
  cursor: string | null;
  limit: number;
}

interface Keyset {
  nameKey: string;
  id: string;
}

/** Opaque to the UI: the (name, id) of the last row shown, so the next page continues after it. */
export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.nameKey, k.id])).toString('base64url');
}

function decodeCursor(cursor: string): Keyset {
  try {
    const [nameKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof nameKey === 'string' && typeof id === 'string') return { nameKey, id };
  } catch {
    // fall through to the field error below
  }
  throw new Failure('VALIDATION_FAILED', {}, { cursor: 'validation.invalid' });
}

/** The sort and search key of a name: case and spacing do not matter to office staff. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Turns what the operator typed into search terms. A phone typed as "0812 3456" or "+62 812-3456"
 * becomes its digits, which the search index holds in both the 08 and 62 forms.
 */
function searchTerms(query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  if (/^[+\d\s\-().]+$/.test(q)) return [q.replace(/\D/g, '')].filter((t) => t.length > 0);
  return q.split(/\s+/);
}

/** FTS5 phrase syntax: a term is quoted, and a quote inside it is doubled. */
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

/**
 * Builds the page query. Terms of three or more characters go through the trigram index; shorter
 * ones (trigrams need three) filter with LIKE. Paging is keyset on (name_key, id), so page 500 costs
 * what page 1 does.
 */
export interface BuiltQuery {
  sql: string;
  params: unknown[];
  /** The same filter without the cursor: the total the list header shows. */
  countSql: string;
  countParams: unknown[];
}

export function buildCustomerQuery(tenantId: string, q: CustomerQuery, select: string): BuiltQuery {
  const where = new Where().and('c.tenant_id = ?', tenantId).andIf(q.status, 'c.status = ?').andIf(q.packageId, 'c.package_id = ?');
  const terms = searchTerms(q.query);
  const indexed = terms.filter((t) => t.length >= 3);
  const short = terms.filter((t) => t.length < 3);
  if (indexed.length > 0) {
    where.and('c.rowid IN (SELECT rowid FROM customers_search WHERE customers_search MATCH ?)', indexed.map(phrase).join(' '));
  }
  for (const t of short) {
    const like = `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.and(`(c.name_key LIKE ? ESCAPE '\\' OR lower(c.username) LIKE ? ESCAPE '\\')`, like, like);
  }
  const countSql = `SELECT COUNT(*) FROM customers c ${where.sql}`;
  const countParams = where.params;
  if (q.cursor) {
    const k = decodeCursor(q.cursor);
    where.and('(c.name_key, c.id) > (?, ?)', k.nameKey, k.id);
  }
  return { sql: `${select} ${where.sql} ORDER BY c.name_key, c.id LIMIT ?`, params: [...where.params, q.limit + 1], countSql, countParams };
}
