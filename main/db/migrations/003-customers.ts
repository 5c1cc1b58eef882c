import type { Migration } from '../migrate.js';
import { trackChanges } from '../change-log.js';

export const m003Customers: Migration = {
  version: 3,
  name: 'customers',
  up(db) {
    db.exec(`
      CREATE TABLE routers (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        name TEXT NOT NULL,
        host TEXT NOT NULL,
        api_port INTEGER NOT NULL DEFAULT 8728,
        username TEXT NOT NULL DEFAULT '',
        password_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE packages (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        name TEXT NOT NULL,
        price INTEGER NOT NULL CHECK (price >= 0),
        router_profile TEXT NOT NULL DEFAULT '',
        rate_limit TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      );
      CREATE TABLE counters (
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, name)
      );
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        -- lower-cased name: the sort key of every list, indexed for keyset paging
        name_key TEXT NOT NULL,
        phone TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        latitude REAL,
        longitude REAL,
        package_id TEXT NOT NULL REFERENCES packages (id),
        router_id TEXT REFERENCES routers (id),
        service_type TEXT NOT NULL CHECK (service_type IN ('pppoe', 'hotspot')),
        username TEXT NOT NULL,
        billing_day INTEGER NOT NULL CHECK (billing_day BETWEEN 1 AND 28),
        status TEXT NOT NULL CHECK (status IN ('active', 'isolated', 'inactive')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, code),
        UNIQUE (tenant_id, username)
      );
      CREATE INDEX customers_by_name ON customers (tenant_id, name_key, id);
      CREATE INDEX customers_by_status ON customers (tenant_id, status, name_key, id);
      CREATE INDEX customers_by_package ON customers (tenant_id, package_id, status);

      -- Substring search over name, phone (both +62 and 08 forms), username and code.
      -- Trigram FTS answers "any 3+ characters anywhere" from an index instead of scanning 50,000 rows.
      CREATE VIRTUAL TABLE customers_search USING fts5 (haystack, tokenize = 'trigram');
      CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_search (rowid, haystack) VALUES (NEW.rowid,
          NEW.name_key || ' ' || substr(NEW.phone, 2) || ' 0' || substr(NEW.phone, 4) || ' ' || lower(NEW.username) || ' ' || lower(NEW.code));
      END;
      CREATE TRIGGER customers_search_update AFTER UPDATE OF name_key, phone, username, code ON customers BEGIN
        UPDATE customers_search SET haystack =
          NEW.name_key || ' ' || substr(NEW.phone, 2) || ' 0' || substr(NEW.phone, 4) || ' ' || lower(NEW.username) || ' ' || lower(NEW.code)
        WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
        DELETE FROM customers_search WHERE rowid = OLD.rowid;
      END;
    `);
    trackChanges(db, 'routers');
    trackChanges(db, 'packages');
    trackChanges(db, 'customers');
  },
};
