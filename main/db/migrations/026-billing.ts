import type { Migration } from '../migrate.js';

/**
 * Billing (issue 9): invoices with their lines, payments as a ledger, and what the overdue loop
 * marks. Amounts are whole rupiah; dates a person reads (issue, due, a payment's day) are the
 * tenant's local days as 'YYYY-MM-DD', instants are epoch milliseconds.
 *
 * - billing_settings: one row per tenant, absent until first saved (the defaults live in shared/).
 * - invoice_sequences: the last number used per (tenant, office, month), incremented in the
 *   transaction that inserts the invoices. The office code is part of the number
 *   (INV/202612/A-00001), so two offices with different codes can issue offline and never clash;
 *   UNIQUE (tenant_id, number) refuses a clash anyway.
 * - invoices: one 'monthly' invoice per (tenant, customer, period) at most, by a UNIQUE index on
 *   (tenant, customer, monthly_period), the period of a monthly invoice and NULL for a one-off (also
 *   the index a customer's invoices are found by, so an insert maintains one index less): a rerun, two overlapping runs (two cores on one file) or a second office's run insert
 *   with ON CONFLICT DO NOTHING and make nothing new. `paid` and `status` follow the allocations,
 *   written in the same transaction; customer_name / customer_code are what the invoice was issued
 *   to (as printed), also what the list searches without reading another module's table.
 * - invoice_lines: signed amounts (a discount is negative); subtotal is their sum, PPN on top.
 * - payments and payment_allocations: a ledger. A payment is never edited or deleted; a reversal is
 *   a new row (kind 'reversal', reverses_id) whose allocations mirror the payment's with the sign
 *   turned. Triggers refuse UPDATE and DELETE on both. A customer's credit is what their payments
 *   (less reversals) have not allocated. request_key: a double click records one payment.
 * - invoice_reminders: which reminder stage went out for which invoice, once (the overdue loop's).
 * - billing_runs: each generation run, what it made (the screen's "last generated").
 */
export const m026Billing: Migration = {
  version: 26,
  name: 'billing',
  up(db) {
    db.exec(`
      CREATE TABLE billing_settings (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants (id),
        ppn_bps INTEGER NOT NULL CHECK (ppn_bps BETWEEN 0 AND 10000),
        due_days INTEGER NOT NULL,
        grace_days INTEGER NOT NULL,
        prorate_first_month INTEGER NOT NULL,
        invoice_isolated INTEGER NOT NULL,
        invoice_inactive INTEGER NOT NULL,
        payment_url_pattern TEXT NOT NULL,
        office_code TEXT NOT NULL,
        notify_invoice_created INTEGER NOT NULL,
        updated_by TEXT,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE invoice_sequences (
        tenant_id TEXT NOT NULL,
        office TEXT NOT NULL,
        period TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, office, period)
      ) WITHOUT ROWID;

      CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        customer_code TEXT NOT NULL,
        package_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('monthly', 'one_off')),
        period TEXT NOT NULL,
        -- the period for a monthly invoice, NULL for a one-off (NULLs never clash in a UNIQUE index)
        monthly_period TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'monthly' THEN period END) VIRTUAL,
        office TEXT NOT NULL,
        number TEXT NOT NULL,
        issue_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        subtotal INTEGER NOT NULL,
        ppn_bps INTEGER NOT NULL,
        ppn_amount INTEGER NOT NULL,
        total INTEGER NOT NULL,
        paid INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('unpaid', 'partial', 'paid', 'void')),
        request_key TEXT,
        run_id TEXT,
        void_reason TEXT,
        voided_by TEXT,
        voided_at INTEGER,
        created_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX invoices_one_per_period ON invoices (tenant_id, customer_id, monthly_period);
      CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);
      CREATE UNIQUE INDEX invoices_request_key ON invoices (tenant_id, request_key) WHERE request_key IS NOT NULL;
      CREATE INDEX invoices_by_period ON invoices (tenant_id, period, id);
      CREATE INDEX invoices_open_by_due ON invoices (tenant_id, due_date, total, paid) WHERE status IN ('unpaid', 'partial');

      CREATE TABLE invoice_lines (
        id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        invoice_id TEXT NOT NULL REFERENCES invoices (id),
        kind TEXT NOT NULL CHECK (kind IN ('package', 'proration', 'discount', 'charge')),
        description TEXT NOT NULL,
        amount INTEGER NOT NULL,
        created_by TEXT,
        created_at INTEGER NOT NULL,
        -- clustered by invoice: an invoice's lines are read together, and one b-tree is written per line
        PRIMARY KEY (invoice_id, id)
      ) WITHOUT ROWID;

      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'reversal')),
        reverses_id TEXT UNIQUE REFERENCES payments (id),
        method TEXT NOT NULL CHECK (method IN ('cash', 'bank', 'ewallet')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        reference TEXT NOT NULL DEFAULT '',
        proof_path TEXT,
        note TEXT NOT NULL DEFAULT '',
        received_by TEXT,
        received_by_name TEXT,
        received_at INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        request_key TEXT NOT NULL,
        CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        UNIQUE (tenant_id, request_key)
      );
      CREATE INDEX payments_by_customer ON payments (tenant_id, customer_id, id);
      CREATE INDEX payments_by_day ON payments (tenant_id, local_date, id);

      CREATE TABLE payment_allocations (
        id INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        payment_id TEXT NOT NULL REFERENCES payments (id),
        invoice_id TEXT NOT NULL REFERENCES invoices (id),
        amount INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX payment_allocations_by_payment ON payment_allocations (payment_id);
      CREATE INDEX payment_allocations_by_invoice ON payment_allocations (invoice_id);
      CREATE INDEX payment_allocations_by_customer ON payment_allocations (tenant_id, customer_id);

      CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN SELECT RAISE(ABORT, 'payments are a ledger: reverse, do not edit'); END;
      CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are a ledger: reverse, do not delete'); END;
      CREATE TRIGGER payment_allocations_no_update BEFORE UPDATE ON payment_allocations BEGIN SELECT RAISE(ABORT, 'allocations are a ledger'); END;
      CREATE TRIGGER payment_allocations_no_delete BEFORE DELETE ON payment_allocations BEGIN SELECT RAISE(ABORT, 'allocations are a ledger'); END;

      CREATE TABLE invoice_reminders (
        tenant_id TEXT NOT NULL,
        invoice_id TEXT NOT NULL REFERENCES invoices (id),
        stage TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        PRIMARY KEY (invoice_id, stage)
      ) WITHOUT ROWID;

      CREATE TABLE billing_runs (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        period TEXT NOT NULL,
        local_date TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('schedule', 'manual')),
        created INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL
      );
      CREATE INDEX billing_runs_by_tenant ON billing_runs (tenant_id, started_at);
    `);
  },
};
