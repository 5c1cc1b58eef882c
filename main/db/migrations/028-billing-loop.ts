import { trackChanges } from '../change-log.js';
import type { Migration } from '../migrate.js';

/**
 * The money loop around billing's invoices (issue 9): what the daily scan already did for each
 * invoice, so a rerun or an overlapping run repeats nothing, and the people's decisions it must
 * respect. (Which reminder and which overdue notice went out is billing's invoice_reminders,
 * migration 026, claimed in the transaction that publishes the event: each goes once, ever.)
 * - billing_overdue_isolations: one row per invoice the scan isolated its customer for (or found
 *   them isolated already): a person who reconnects by hand is not overruled the next morning.
 * - billing_exemptions: customers auto-isolir leaves alone (family, the village office), with who
 *   set it, when and why; clearing keeps the row (cleared_by / cleared_at) as history.
 * - billing_promises: "janji bayar", the customer's history of promised dates and what became of them.
 * - billing_loop_settings: the reminder schedule and the promise limits, per tenant.
 * Times are epoch ms; days (due, promised) are the tenant's calendar days, YYYY-MM-DD.
 */
export const m028BillingLoop: Migration = {
  version: 28,
  name: 'billing-loop',
  up(db) {
    db.exec(`
      CREATE TABLE billing_overdue_isolations (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        invoice_id TEXT NOT NULL UNIQUE REFERENCES invoices (id),
        customer_id TEXT NOT NULL,
        isolir_action_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE billing_exemptions (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at INTEGER NOT NULL,
        cleared_by TEXT,
        cleared_at INTEGER
      );
      CREATE UNIQUE INDEX billing_exemptions_current ON billing_exemptions (tenant_id, customer_id) WHERE cleared_at IS NULL;
      CREATE TABLE billing_promises (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        invoice_id TEXT NOT NULL REFERENCES invoices (id),
        promised_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('active', 'kept', 'broken', 'cancelled')),
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        resolved_by TEXT,
        resolved_at INTEGER
      );
      -- Once per invoice: a promise cancelled as a mistake does not count.
      CREATE UNIQUE INDEX billing_promises_once ON billing_promises (invoice_id) WHERE status <> 'cancelled';
      CREATE INDEX billing_promises_by_customer ON billing_promises (tenant_id, customer_id, created_at);
      CREATE INDEX billing_promises_active ON billing_promises (tenant_id, promised_date) WHERE status = 'active';
      CREATE TABLE billing_loop_settings (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL UNIQUE REFERENCES tenants (id),
        reminder_days TEXT NOT NULL,
        promise_max_days INTEGER NOT NULL,
        promise_max_per_window INTEGER NOT NULL,
        promise_window_days INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    trackChanges(db, 'billing_overdue_isolations', ['id', 'tenant_id', 'invoice_id', 'customer_id', 'isolir_action_id', 'created_at']);
    trackChanges(db, 'billing_exemptions', ['id', 'tenant_id', 'customer_id', 'reason', 'set_by', 'set_at', 'cleared_by', 'cleared_at']);
    trackChanges(db, 'billing_promises', [
      'id', 'tenant_id', 'customer_id', 'invoice_id', 'promised_date', 'note', 'status', 'created_by', 'created_at', 'resolved_by', 'resolved_at',
    ]);
    trackChanges(db, 'billing_loop_settings', [
      'id', 'tenant_id', 'reminder_days', 'promise_max_days', 'promise_max_per_window', 'promise_window_days', 'updated_at',
    ]);
  },
};
