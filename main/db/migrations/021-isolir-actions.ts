import type { Migration } from '../migrate.js';

/**
 * The isolir ledger: one row per request to isolate or reconnect a customer on the network, from
 * "pending" (queued for the router) to "applied" (the router confirmed) or "failed" (a person must
 * look), or "superseded" (a newer request for the same customer came first). Rows are never edited
 * back: a retry is the same row going on, a change of mind is a new row. The customer's own status
 * changes only when a row is applied, so nothing is shown as isolated that the router did not confirm.
 */
export const m021IsolirActions: Migration = {
  version: 21,
  name: 'isolir-actions',
  up(db) {
    db.exec(`
      CREATE TABLE isolir_actions (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        router_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('isolate', 'reconnect')),
        reason TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('manual', 'policy')),
        requested_by TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'applied', 'failed', 'superseded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        answer TEXT,
        job_id TEXT,
        created_at INTEGER NOT NULL,
        applied_at INTEGER,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX isolir_actions_by_customer ON isolir_actions (tenant_id, customer_id, id);
      CREATE INDEX isolir_actions_by_status ON isolir_actions (tenant_id, status, updated_at);
    `);
  },
};
