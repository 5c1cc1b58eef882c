import type { Migration } from '../migrate.js';
import { trackChanges } from '../change-log.js';

/** The fibre tree the map draws: ODC (cabinet) -> ODP (splitter box) -> customer drop on a port. */
export const m004Maps: Migration = {
  version: 4,
  name: 'maps',
  up(db) {
    db.exec(`
      CREATE TABLE odcs (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        name TEXT NOT NULL,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        capacity INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE odps (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        odc_id TEXT NOT NULL REFERENCES odcs (id),
        name TEXT NOT NULL,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        ports INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX odps_by_odc ON odps (odc_id);
      CREATE TABLE odp_links (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        odp_id TEXT NOT NULL REFERENCES odps (id),
        customer_id TEXT NOT NULL UNIQUE REFERENCES customers (id),
        port INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (odp_id, port)
      );
    `);
    trackChanges(db, 'odcs');
    trackChanges(db, 'odps');
    trackChanges(db, 'odp_links');
  },
};
