import type { Migration } from '../migrate.js';
import { trackChanges } from '../change-log.js';

export const m002Accounts: Migration = {
  version: 2,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL,
        plan TEXT NOT NULL CHECK (plan IN ('basic', 'premium', 'pro')),
        addons TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('active', 'isolated')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (tenant_id = id)
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'finance', 'collector', 'technician')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        locale TEXT NOT NULL DEFAULT 'id',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        created_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
    `);
    // The tenants row carries tenant_id = id so the change log treats it like every tenant-owned row.
    trackChanges(db, 'tenants');
    trackChanges(db, 'users');
  },
};
