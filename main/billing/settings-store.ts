import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import { DEFAULT_BILLING_SETTINGS, type BillingSettings, type BillingSettingsUpdate } from '../../shared/domain/billing.js';

interface SettingsRow {
  ppn_bps: number;
  due_days: number;
  grace_days: number;
  prorate_first_month: number;
  invoice_isolated: number;
  invoice_inactive: number;
  payment_url_pattern: string;
  office_code: string;
  notify_invoice_created: number;
  updated_at: number;
}

const fromRow = (r: SettingsRow): BillingSettings => ({
  ppnBps: r.ppn_bps,
  dueDays: r.due_days,
  graceDays: r.grace_days,
  prorateFirstMonth: r.prorate_first_month === 1,
  invoiceIsolated: r.invoice_isolated === 1,
  invoiceInactive: r.invoice_inactive === 1,
  paymentUrlPattern: r.payment_url_pattern,
  officeCode: r.office_code,
  notifyInvoiceCreated: r.notify_invoice_created === 1,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** A tenant's billing settings: the defaults until someone saves them. */
export class SettingsStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      get: db.prepare('SELECT * FROM billing_settings WHERE tenant_id = ?'),
      put: db.prepare(`INSERT INTO billing_settings (tenant_id, ppn_bps, due_days, grace_days, prorate_first_month, invoice_isolated,
          invoice_inactive, payment_url_pattern, office_code, notify_invoice_created, updated_by, updated_at)
        VALUES (@tenantId, @ppnBps, @dueDays, @graceDays, @prorateFirstMonth, @invoiceIsolated, @invoiceInactive, @paymentUrlPattern,
          @officeCode, @notifyInvoiceCreated, @updatedBy, @now)
        ON CONFLICT (tenant_id) DO UPDATE SET ppn_bps = excluded.ppn_bps, due_days = excluded.due_days, grace_days = excluded.grace_days,
          prorate_first_month = excluded.prorate_first_month, invoice_isolated = excluded.invoice_isolated,
          invoice_inactive = excluded.invoice_inactive, payment_url_pattern = excluded.payment_url_pattern,
          office_code = excluded.office_code, notify_invoice_created = excluded.notify_invoice_created,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
    };
  }

  get(tenantId: string): BillingSettings {
    const row = this.stmt.get.get(tenantId) as SettingsRow | undefined;
    return row ? fromRow(row) : { ...DEFAULT_BILLING_SETTINGS, updatedAt: null };
  }

  /** A patch over what is saved (or the defaults). */
  update(tenantId: string, patch: BillingSettingsUpdate, updatedBy: string | null): BillingSettings {
    this.db
      .transaction(() => {
        const next = { ...this.get(tenantId), ...patch };
        this.stmt.put.run({
          tenantId,
          ppnBps: next.ppnBps,
          dueDays: next.dueDays,
          graceDays: next.graceDays,
          prorateFirstMonth: Number(next.prorateFirstMonth),
          invoiceIsolated: Number(next.invoiceIsolated),
          invoiceInactive: Number(next.invoiceInactive),
          paymentUrlPattern: next.paymentUrlPattern,
          officeCode: next.officeCode,
          notifyInvoiceCreated: Number(next.notifyInvoiceCreated),
          updatedBy,
          now: this.clock.now(),
        });
      })
      .immediate();
    return this.get(tenantId);
  }
}
