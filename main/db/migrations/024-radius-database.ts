import { trackChanges } from '../change-log.js';
import type { Migration } from '../migrate.js';

/**
 * "Database FreeRADIUS" (issue 8, RADIUS isolir): per tenant, where FreeRADIUS keeps its rlm_sql
 * tables, so routers whose isolir method is RADIUS can isolate. PostgreSQL (host, port, database,
 * user, password) or the SQLite file rlm_sql_sqlite reads. The password is sealed with the
 * install's key and never synced: sync carries the rest, like a router's settings without its password.
 */
export const m024RadiusDatabase: Migration = {
  version: 24,
  name: 'radius-database',
  up(db) {
    db.exec(`
      CREATE TABLE radius_databases (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL UNIQUE REFERENCES tenants (id),
        kind TEXT NOT NULL CHECK (kind IN ('postgresql', 'sqlite')),
        host TEXT NOT NULL DEFAULT '',
        port INTEGER NOT NULL DEFAULT 5432 CHECK (port BETWEEN 1 AND 65535),
        database_name TEXT NOT NULL DEFAULT '',
        db_user TEXT NOT NULL DEFAULT '',
        password_sealed TEXT,
        sqlite_path TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
    trackChanges(db, 'radius_databases', ['id', 'tenant_id', 'kind', 'host', 'port', 'database_name', 'db_user', 'sqlite_path', 'created_at', 'updated_at']);
  },
};
