import { trackChanges } from '../change-log.js';
import type { Migration } from '../migrate.js';

/**
 * What a router needs beyond its address (issue 8): the TLS API, the isolir method and profile,
 * the RouterOS version and identity as last read, RADIUS settings (the secret sealed like the API
 * password), notes; and one name per router in a tenant, as the screen and the customer form show
 * routers by name. Routers of one tenant that already share a name (case aside) keep it with a
 * number after it, so the index can be made.
 */
export const m019RouterSettings: Migration = {
  version: 19,
  name: 'router-settings',
  up(db) {
    db.exec(`
      ALTER TABLE routers ADD COLUMN tls INTEGER NOT NULL DEFAULT 0 CHECK (tls IN (0, 1));
      ALTER TABLE routers ADD COLUMN isolir_method TEXT NOT NULL DEFAULT 'pppoe-profile'
        CHECK (isolir_method IN ('pppoe-profile', 'address-list', 'disable-secret', 'radius'));
      ALTER TABLE routers ADD COLUMN isolir_profile TEXT NOT NULL DEFAULT 'isolir';
      ALTER TABLE routers ADD COLUMN ros_version TEXT;
      ALTER TABLE routers ADD COLUMN ros_identity TEXT;
      ALTER TABLE routers ADD COLUMN detected_at TEXT;
      ALTER TABLE routers ADD COLUMN radius_nas_address TEXT;
      ALTER TABLE routers ADD COLUMN radius_coa_port INTEGER NOT NULL DEFAULT 3799 CHECK (radius_coa_port BETWEEN 1 AND 65535);
      ALTER TABLE routers ADD COLUMN radius_secret_ref TEXT;
      ALTER TABLE routers ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      UPDATE routers SET name = routers.name || ' (' || d.n || ')'
        FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY tenant_id, lower(name) ORDER BY id) AS n FROM routers) AS d
        WHERE d.id = routers.id AND d.n > 1;
      CREATE UNIQUE INDEX routers_by_name ON routers (tenant_id, lower(name));
      -- "Which customers are on this router" (a router in use is not removed) and the foreign key's
      -- own check when one is deleted, without walking every customer.
      CREATE INDEX customers_by_router ON customers (tenant_id, router_id) WHERE router_id IS NOT NULL;
    `);
    // The allow-list grows with the new columns; the RADIUS secret, like the password, stays here.
    trackChanges(db, 'routers', [
      'id', 'tenant_id', 'name', 'host', 'api_port', 'username', 'tls', 'isolir_method', 'isolir_profile', 'ros_version',
      'ros_identity', 'detected_at', 'radius_nas_address', 'radius_coa_port', 'notes', 'created_at', 'updated_at',
    ]);
  },
};
