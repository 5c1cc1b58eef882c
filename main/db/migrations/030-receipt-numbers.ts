import type { Migration } from '../migrate.js';

/** The office code billing uses until a tenant saves its settings (shared/domain/billing.ts's default). */
const DEFAULT_OFFICE = 'A';
/** What the generator wrote on a prorated first month's line: 'Paket 20 Mbps (15/31 hari)'. */
const PRORATED_LINE = /\((\d+)\/(\d+) hari\)$/;

/**
 * Print polish of billing (issue 9):
 * - invoice_sequences gains `series` ('INV' invoices, 'KW' receipts): one numbering mechanism for
 *   both, each with its own gapless sequence per (tenant, office, month). SQLite cannot change a
 *   primary key in place, so the table is rebuilt; its rows are the 'INV' series.
 * - payments.number: 'KW/202612/A-00001', what an office reads aloud instead of the ULID. Every
 *   ledger entry gets one, reversals included, from the same sequence: the month's KW numbers then
 *   list every movement of money with no gap, so a missing number means a missing entry. Existing
 *   entries are numbered here in the order they were received, per tenant and local month, with the
 *   tenant's office code as it is now. The ledger's no-update trigger is lifted for this backfill
 *   alone and put back as it was. NULL never occurs after this migration; the column stays nullable
 *   only because ALTER TABLE cannot add a NOT NULL column without a default.
 * - invoices.period_start: the first day a monthly invoice bills when it is not the 1st (a prorated
 *   first month), so the paper says '17 Jan - 31 Jan' and not the whole month; NULL for a full month.
 *   Earlier prorated invoices get it back from their proration line's '(days/of hari)'.
 */
export const m030ReceiptNumbers: Migration = {
  version: 30,
  name: 'receipt-numbers',
  up(db) {
    db.exec(`
      ALTER TABLE invoice_sequences RENAME TO invoice_sequences_before_030;
      CREATE TABLE invoice_sequences (
        tenant_id TEXT NOT NULL,
        series TEXT NOT NULL CHECK (series IN ('INV', 'KW')),
        office TEXT NOT NULL,
        period TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, series, office, period)
      ) WITHOUT ROWID;
      INSERT INTO invoice_sequences (tenant_id, series, office, period, last) SELECT tenant_id, 'INV', office, period, last FROM invoice_sequences_before_030;
      DROP TABLE invoice_sequences_before_030;

      ALTER TABLE payments ADD COLUMN number TEXT;
      DROP TRIGGER payments_no_update;
      WITH numbered AS (
        SELECT p.id, substr(p.local_date, 1, 7) AS period, COALESCE(s.office_code, '${DEFAULT_OFFICE}') AS office,
          ROW_NUMBER() OVER (PARTITION BY p.tenant_id, substr(p.local_date, 1, 7) ORDER BY p.received_at, p.id) AS seq
        FROM payments p LEFT JOIN billing_settings s ON s.tenant_id = p.tenant_id
      )
      UPDATE payments SET number = (SELECT 'KW/' || replace(n.period, '-', '') || '/' || n.office || '-' || printf('%05d', n.seq)
        FROM numbered n WHERE n.id = payments.id);
      INSERT INTO invoice_sequences (tenant_id, series, office, period, last)
        SELECT p.tenant_id, 'KW', COALESCE(s.office_code, '${DEFAULT_OFFICE}'), substr(p.local_date, 1, 7), COUNT(*)
        FROM payments p LEFT JOIN billing_settings s ON s.tenant_id = p.tenant_id GROUP BY p.tenant_id, substr(p.local_date, 1, 7);
      CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN SELECT RAISE(ABORT, 'payments are a ledger: reverse, do not edit'); END;
      CREATE UNIQUE INDEX payments_number ON payments (tenant_id, number);

      ALTER TABLE invoices ADD COLUMN period_start TEXT;
    `);
    const prorated = db
      .prepare(`SELECT i.id, i.period, l.description FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE i.kind = 'monthly' AND l.kind = 'proration'`)
      .all() as { id: string; period: string; description: string }[];
    const setStart = db.prepare('UPDATE invoices SET period_start = ? WHERE id = ?');
    for (const row of prorated) {
      const match = PRORATED_LINE.exec(row.description);
      if (!match) continue;
      const day = Number(match[2]) - Number(match[1]) + 1;
      setStart.run(`${row.period}-${String(day).padStart(2, '0')}`, row.id);
    }
  },
};
