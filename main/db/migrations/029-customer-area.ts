import { trackChanges } from '../change-log.js';
import type { Migration } from '../migrate.js';

/**
 * A customer's area ("wilayah": "RT 03/RW 05", "Dusun Krajan"): free text, as operators name the
 * parts of the village they serve, empty when not given. The customer list and Tagihan filter by
 * it and the form offers the tenant's areas, so they are compared case aside (COLLATE NOCASE, in
 * the index as in the queries): "rt 03/rw 05" typed once is the same area. The index also keeps
 * the list's name order within an area, so a filtered page is a range, not a sort.
 * Sync carries the new column: the allow-list of 009 with `area` added.
 */
export const m029CustomerArea: Migration = {
  version: 29,
  name: 'customer-area',
  up(db) {
    db.exec(`
      ALTER TABLE customers ADD COLUMN area TEXT NOT NULL DEFAULT '';
      CREATE INDEX customers_by_area ON customers (tenant_id, area COLLATE NOCASE, name_key, id);
    `);
    trackChanges(db, 'customers', [
      'id', 'tenant_id', 'code', 'name', 'name_key', 'phone', 'address', 'latitude', 'longitude', 'package_id', 'router_id',
      'service_type', 'username', 'billing_day', 'status', 'notes', 'area', 'created_at', 'updated_at',
    ]);
  },
};
