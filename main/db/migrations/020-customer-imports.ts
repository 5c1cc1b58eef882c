import type { Migration } from '../migrate.js';

/**
 * Customer imports (from a spreadsheet now, from a router's PPP secrets later): each applied import
 * with who ran it, the file, its counts and its report, row by row. `request_key` is the screen's
 * key for one "Terapkan": a second apply with it (a double click, a retry after a lost answer)
 * returns the first one's report instead of running again.
 *
 * A PPPoE password the file carries is kept sealed (the secrets box) in `customers.pppoe_password`;
 * sync's column allow-list (009) does not name it, so it never leaves this machine.
 */
export const m020CustomerImports: Migration = {
  version: 20,
  name: 'customer-imports',
  up(db) {
    db.exec(`
      ALTER TABLE customers ADD COLUMN pppoe_password TEXT;
      CREATE TABLE customer_imports (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        request_key TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        file_name TEXT NOT NULL,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        packages_created TEXT NOT NULL,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, request_key)
      );
      CREATE INDEX customer_imports_by_time ON customer_imports (tenant_id, created_at, id);
    `);
  },
};
