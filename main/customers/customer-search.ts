import type { CustomerStatus } from '../../shared/domain/customer.js';
import { Where } from '../db/index.js';
import { Failure } from '../platform/index.js';

export interface CustomerQuery {
  query: string;
  status: CustomerStatus | null;
  packageId: string | null;
  area: string | null;
  cursor: string | null;
  limit: number;
}

/**
 * Where the next page starts — the (name, id) of the last row shown — and the total counted when
 * the search ran. A next page continues that search: counting the whole filter again for every
 * "Muat lagi" cost more than the page itself (a full index walk at 50,000 customers), and the list
 * is refreshed from its first page, recounted, whenever a customer changes.
 */
export interface CursorState {
  nameKey: string;
  id: string;
  total: number;
}

/** Opaque to the UI: it hands the cursor back to get the next page. */
export function encodeCursor(c: CursorState): string {
  return Buffer.from(JSON.stringify([c.nameKey, c.id, c.total])).toString('base64url');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const [nameKey, id, total] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof nameKey === 'string' && typeof id === 'string' && Number.isSafeInteger(total) && (total as number) >= 0) {
      return { nameKey, id, total: total as number };
    }
  } catch {
    // fall through to the field error below
  }
  throw new Failure('VALIDATION_FAILED', {}, { cursor: 'validation.invalid' });
}

/** The sort and search key of a name: case and spacing do not matter to office staff. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A list request, parsed once: its filters, its text terms by the index that serves them, where the page starts. */
export interface CustomerSearch {
  tenantId: string;
  status: CustomerStatus | null;
  packageId: string | null;
  area: string | null;
  /** Terms of three or more characters: the trigram index (name, both phone forms, username, code). */
  indexed: string[];
  /** Shorter terms: the one- and two-character index (name and username only, as a LIKE would). */
  short: string[];
  after: CursorState | null;
  limit: number;
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

export function parseCustomerQuery(tenantId: string, q: CustomerQuery): CustomerSearch {
  const terms = searchTerms(q.query);
  return {
    tenantId,
    status: q.status,
    packageId: q.packageId,
    area: q.area,
    indexed: terms.filter((t) => t.length >= 3),
    short: terms.filter((t) => t.length < 3),
    after: q.cursor ? decodeCursor(q.cursor) : null,
    limit: q.limit,
  };
}

export interface Sql {
  sql: string;
  params: unknown[];
}

/** FTS5 phrase syntax: a term is quoted, and a quote inside it is doubled. */
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;
/** The short index holds each piece as the hex of its UTF-8 bytes (see migration 014). */
const piece = (term: string): string => phrase(Buffer.from(term, 'utf8').toString('hex'));

type TextIndex = 'customers_search' | 'customers_grams';
const inIndex = (index: TextIndex) => `c.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`;

const trigramMatch = (s: CustomerSearch): string => s.indexed.map(phrase).join(' ');
const pieceMatch = (s: CustomerSearch): string => s.short.map(piece).join(' ');

/** Which text indexes a search needs, each with its MATCH argument (space-separated phrases: all must match). */
function textMatches(s: CustomerSearch): { index: TextIndex; match: string }[] {
  const matches: { index: TextIndex; match: string }[] = [];
  if (s.indexed.length > 0) matches.push({ index: 'customers_search', match: trigramMatch(s) });
  if (s.short.length > 0) matches.push({ index: 'customers_grams', match: pieceMatch(s) });
  return matches;
}

function filters(s: CustomerSearch): Where {
  const where = new Where().and('c.tenant_id = ?', s.tenantId).andIf(s.status, 'c.status = ?').andIf(s.packageId, 'c.package_id = ?');
  // Not andIf: '' is a filter too (customers without an area).
  return s.area === null ? where : where.and('c.area = ? COLLATE NOCASE', s.area);
}

/**
 * The total the list header shows. `soleTenant`: no other tenant has customers in this file (the
 * desktop case), so a text search is counted by its indexes alone; otherwise, or with a status or
 * package filter, each match is looked up to check it (about a microsecond a match).
 */
export function countQuery(s: CustomerSearch, soleTenant: boolean): Sql {
  const text = textMatches(s);
  const [first, ...rest] = text;
  if (first && soleTenant && !s.status && !s.packageId && s.area === null) {
    return {
      sql: [`SELECT COUNT(*) FROM ${first.index} WHERE ${first.index} MATCH ?`, ...rest.map((m) => `rowid IN (SELECT rowid FROM ${m.index} WHERE ${m.index} MATCH ?)`)].join(' AND '),
      params: text.map((m) => m.match),
    };
  }
  const where = filters(s);
  for (const m of text) where.and(inIndex(m.index), m.match);
  return { sql: `SELECT COUNT(*) FROM customers c ${where.sql}`, params: where.params };
}

/**
 * From this many matches on, a page walks the customers in name order and tests each row instead
 * of fetching every match and sorting them (a lookup per match). SQLite cannot choose between the
 * two itself: a text index tells the planner nothing about how many rows it will return. CPU time
 * at 50,000 customers on a busy machine: fetching costs about 2 µs a match ("yuni", 1,200 matches:
 * 3 ms; "santoso", 2,300: 5 ms; "an", 23,000: 20 ms). Walking costs what it reads before the
 * page is full: 2 ms for "santoso" (family names are spread over the alphabet), 0.1 ms for "an",
 * but 10 ms for "yuni", whose matches all sit under Y: the whole list, a walk's worst case. Below
 * this many matches fetching stays cheap whatever their order; above it walking is usually far
 * cheaper, and its worst case (matches bunched at the end of the alphabet) costs what fetching
 * does at about 5,000 matches, so no count of matches costs more than the whole list.
 */
export const WALK_FROM = 2_000;

/**
 * The page: keyset on (name_key, id), so page 500 costs what page 1 does. Short terms are always
 * tested on the row with an escaped LIKE; they pick the rows from their index only when matches
 * are few and no longer term's index does it.
 */
export function pageQuery(s: CustomerSearch, select: string, total: number): Sql {
  const where = filters(s);
  const walk = total >= WALK_FROM;
  if (s.indexed.length > 0) {
    // The unary + stops SQLite driving the page from the match list: it walks the name index and
    // checks each row against the matches instead.
    where.and(walk ? `+${inIndex('customers_search')}` : inIndex('customers_search'), trigramMatch(s));
  } else if (s.short.length > 0 && !walk) {
    where.and(inIndex('customers_grams'), pieceMatch(s));
  }
  for (const t of s.short) {
    const like = `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.and(`(c.name_key LIKE ? ESCAPE '\\' OR lower(c.username) LIKE ? ESCAPE '\\')`, like, like);
  }
  if (s.after) {
    where.and('(c.name_key, c.id) > (?, ?)', s.after.nameKey, s.after.id);
  }
  return { sql: `${select} ${where.sql} ORDER BY c.name_key, c.id LIMIT ?`, params: [...where.params, s.limit + 1] };
}
