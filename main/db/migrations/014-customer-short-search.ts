import type { Migration } from '../migrate.js';

/**
 * Search terms of one or two characters ("an", "qz") cannot use the trigram index: they were a LIKE
 * over every name and username of the tenant, twice per search (the page and its total), about
 * 17 ms each at 50,000 customers whether anyone matched or not. This index holds every one- and
 * two-character piece of a customer's name_key and lower(username), so such a term is looked up
 * like any other word.
 *
 * Each piece is stored as the hex of its UTF-8 bytes: the ascii tokenizer then keeps punctuation,
 * spaces and any script intact ("i.", "@r", "é"). Contentless with detail=none: only which
 * customers hold a piece is kept, not the text or positions, so it stays small.
 *
 * Triggers cannot run a recursive CTE, so the positions 0..n-1 of the text come from json_each over
 * a JSON array of n zeros. Pieces that span the space between name and username hold a space, which
 * no search term can (terms are split on whitespace), so they never match anything.
 */
const PIECES = (text: string) => `(SELECT group_concat(hex(substr(s, p.key + 1, 1)) || ' ' || hex(substr(s, p.key + 1, 2)), ' ')
  FROM (SELECT ${text} AS s) AS t, json_each('[' || rtrim(replace(hex(zeroblob(length(t.s))), '00', '0,'), ',') || ']') AS p)`;

export const m014CustomerShortSearch: Migration = {
  version: 14,
  name: 'customer-short-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE customers_grams USING fts5 (grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
      INSERT INTO customers_grams (rowid, grams) SELECT c.rowid, ${PIECES(`c.name_key || ' ' || lower(c.username)`)} FROM customers c;
      CREATE TRIGGER customers_grams_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_grams (rowid, grams) VALUES (NEW.rowid, ${PIECES(`NEW.name_key || ' ' || lower(NEW.username)`)});
      END;
      CREATE TRIGGER customers_grams_update AFTER UPDATE OF name_key, username ON customers BEGIN
        DELETE FROM customers_grams WHERE rowid = OLD.rowid;
        INSERT INTO customers_grams (rowid, grams) VALUES (NEW.rowid, ${PIECES(`NEW.name_key || ' ' || lower(NEW.username)`)});
      END;
      CREATE TRIGGER customers_grams_delete AFTER DELETE ON customers BEGIN
        DELETE FROM customers_grams WHERE rowid = OLD.rowid;
      END;
    `);
  },
};
