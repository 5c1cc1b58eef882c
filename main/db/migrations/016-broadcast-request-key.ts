import type { Migration } from '../migrate.js';

/**
 * A broadcast remembers the key its creator's request carried: a double submit or a request retried
 * after a lost answer finds the broadcast already made instead of sending to everyone again. The
 * unique index is what makes that hold for requests that arrive together.
 */
export const m016BroadcastRequestKey: Migration = {
  version: 16,
  name: 'broadcast-request-key',
  up(db) {
    db.exec(`
      ALTER TABLE wa_broadcasts ADD COLUMN request_key TEXT;
      CREATE UNIQUE INDEX wa_broadcasts_request_key ON wa_broadcasts (tenant_id, request_key) WHERE request_key IS NOT NULL;
    `);
  },
};
