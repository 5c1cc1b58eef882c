import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { IsolirCommands } from '../isolir/index.js';
import { Failure, notFound, type Clock, type IdGenerator } from '../platform/index.js';
import type { PaymentPromise, PromiseStatus } from '../../shared/domain/billing-loop.js';
import { addDays } from '../../shared/util/local-date.js';
import type { LoopSettingsStore } from './loop-settings.js';
import type { UnpaidInvoices } from './unpaid-invoices.js';

interface PromiseRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  invoice_id: string;
  promised_date: string;
  note: string;
  status: PromiseStatus;
  created_by: string;
  created_at: number;
  resolved_by: string | null;
  resolved_at: number | null;
}

export interface PromiseInput {
  customerId: string;
  promisedDate: string;
  note: string;
}

const DAY_MS = 86_400_000;
/** dd/mm/yyyy, as office staff write a day, in the reasons isolir keeps. */
const shown = (day: string) => day.split('-').reverse().join('/');
const refuse = (field: string, key: string) => new Failure('CONFLICT', {}, { [field]: `conflicts.${key}` });

/**
 * "Janji bayar": an isolated customer promises to pay by a day and is reconnected until then
 * (through isolir, source 'policy'). The daily scan settles promises whose day has passed: kept
 * when the invoice was paid, broken otherwise, and the customer is isolated again. Limits keep
 * it a favour, not a habit: the day at most N days ahead, one promise per invoice, and at most
 * M promises per customer in a window of days (a cancelled one, a mistake, counts for neither).
 */
export class Promises {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly invoices: UnpaidInvoices,
    private readonly settings: LoopSettingsStore,
    private readonly isolir: IsolirCommands,
    private readonly customers: CustomersService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.stmt = {
      get: db.prepare('SELECT * FROM billing_promises WHERE tenant_id = ? AND id = ?'),
      insert: db.prepare(`INSERT INTO billing_promises (id, tenant_id, customer_id, invoice_id, promised_date, note, status, created_by, created_at)
        VALUES (@id, @tenantId, @customerId, @invoiceId, @promisedDate, @note, 'active', @by, @now)`),
      forInvoice: db.prepare(`SELECT 1 FROM billing_promises WHERE invoice_id = ? AND status <> 'cancelled'`).pluck(),
      recent: db.prepare(`SELECT COUNT(*) FROM billing_promises WHERE tenant_id = ? AND customer_id = ? AND status <> 'cancelled' AND created_at >= ?`).pluck(),
      ofCustomer: db.prepare('SELECT * FROM billing_promises WHERE tenant_id = ? AND customer_id = ? ORDER BY created_at DESC, id DESC LIMIT 200'),
      active: db.prepare(`SELECT * FROM billing_promises WHERE tenant_id = ? AND status = 'active' ORDER BY promised_date, id`),
      resolve: db.prepare(`UPDATE billing_promises SET status = @status, resolved_by = @by, resolved_at = @now WHERE id = @id AND status = 'active'`),
    };
  }

  create(tenantId: string, input: PromiseInput, today: string, by: string): PaymentPromise {
    const limits = this.settings.get(tenantId);
    const id = this.ids.next();
    this.db
      .transaction(() => {
        const customer = this.customers.find(tenantId, input.customerId);
        if (!customer) throw notFound();
        if (customer.status !== 'isolated') throw refuse('customerId', 'promiseNotIsolated');
        const invoice = this.invoices.oldestOf(tenantId, input.customerId);
        if (!invoice) throw refuse('customerId', 'promiseNothingOwed');
        if (input.promisedDate < today || input.promisedDate > addDays(today, limits.promiseMaxDays)) throw refuse('promisedDate', 'promiseDate');
        if (this.stmt.forInvoice.get(invoice.id) !== undefined) throw refuse('customerId', 'promiseOncePerInvoice');
        const since = this.clock.now() - limits.promiseWindowDays * DAY_MS;
        if ((this.stmt.recent.get(tenantId, input.customerId, since) as number) >= limits.promiseMaxPerWindow) throw refuse('customerId', 'promiseTooOften');
        this.stmt.insert.run({ id, tenantId, customerId: input.customerId, invoiceId: invoice.id, promisedDate: input.promisedDate, note: input.note, by, now: this.clock.now() });
        this.isolir.request(tenantId, { kind: 'reconnect', customerIds: [input.customerId], reason: `Janji bayar sampai ${shown(input.promisedDate)}`, source: 'policy', requestedBy: by });
        this.bus.publish('payment_promise_made', tenantId, { promiseId: id, customerId: input.customerId });
      })
      .immediate();
    return this.get(tenantId, id);
  }

  /** A customer's promises, newest first; without a customer, every promise running now. */
  list(tenantId: string, customerId?: string): PaymentPromise[] {
    const rows = (customerId ? this.stmt.ofCustomer.all(tenantId, customerId) : this.stmt.active.all(tenantId)) as PromiseRow[];
    return this.views(tenantId, rows);
  }

  get(tenantId: string, id: string): PaymentPromise {
    const row = this.stmt.get.get(tenantId, id) as PromiseRow | undefined;
    if (!row) throw notFound();
    return this.views(tenantId, [row])[0] as PaymentPromise;
  }

  /** Taken back: while the invoice is unpaid, the customer goes back to isolated. */
  cancel(tenantId: string, id: string, by: string): PaymentPromise {
    this.db
      .transaction(() => {
        const row = this.stmt.get.get(tenantId, id) as PromiseRow | undefined;
        if (!row) throw notFound();
        if (!this.resolve(row, 'cancelled', by)) throw refuse('id', 'promiseNotActive');
        if (this.invoices.stillUnpaid(tenantId, [row.invoice_id]).size > 0) {
          this.isolir.request(tenantId, { kind: 'isolate', customerIds: [row.customer_id], reason: 'Janji bayar dibatalkan', source: 'policy', requestedBy: by });
        }
      })
      .immediate();
    return this.get(tenantId, id);
  }

  /** Customers with a promise running: the overdue scan leaves them connected. */
  promisedCustomers(tenantId: string): Set<string> {
    return new Set((this.stmt.active.all(tenantId) as PromiseRow[]).map((r) => r.customer_id));
  }

  /**
   * Run as the promised day ends (00:05 the day after, in the tenant's zone) and again by the
   * morning scan: a promise whose invoice is paid is kept; one whose day has passed unpaid is
   * broken and its customer isolated again. Returns how many were broken.
   */
  settle(tenantId: string, today: string): number {
    return this.db
      .transaction(() => {
        const active = this.stmt.active.all(tenantId) as PromiseRow[];
        const unpaid = this.invoices.stillUnpaid(tenantId, active.map((r) => r.invoice_id));
        const broken: PromiseRow[] = [];
        for (const row of active) {
          if (!unpaid.has(row.invoice_id)) this.resolve(row, 'kept', null);
          else if (row.promised_date < today && this.resolve(row, 'broken', null)) broken.push(row);
        }
        if (broken.length > 0) {
          const reason = 'Janji bayar tidak ditepati';
          this.isolir.request(tenantId, { kind: 'isolate', customerIds: broken.map((r) => r.customer_id), reason, source: 'policy', requestedBy: null });
          // In the transaction that broke it: the promise breaks once, so its WhatsApp goes once, whatever reruns.
          for (const row of broken) this.bus.publish('payment_promise_broken', tenantId, { promiseId: row.id, customerId: row.customer_id });
        }
        return broken.length;
      })
      .immediate();
  }

  /** A payment cleared the invoice: its promise was kept, at once rather than at the next scan. */
  invoicePaid(tenantId: string, invoiceId: string): void {
    this.db
      .transaction(() => {
        for (const row of this.stmt.active.all(tenantId) as PromiseRow[]) if (row.invoice_id === invoiceId) this.resolve(row, 'kept', null);
      })
      .immediate();
  }

  private resolve(row: PromiseRow, status: Exclude<PromiseStatus, 'active'>, by: string | null): boolean {
    const done = this.stmt.resolve.run({ id: row.id, status, by, now: this.clock.now() }).changes === 1;
    if (done) this.bus.publish('payment_promise_changed', row.tenant_id, { promiseId: row.id, customerId: row.customer_id });
    return done;
  }

  private views(tenantId: string, rows: readonly PromiseRow[]): PaymentPromise[] {
    const names = this.customers.labels(tenantId, [...new Set(rows.map((r) => r.customer_id))]);
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      customerName: names.get(r.customer_id)?.name ?? null,
      invoiceId: r.invoice_id,
      promisedDate: r.promised_date,
      note: r.note,
      status: r.status,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      resolvedBy: r.resolved_by,
      resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
    }));
  }
}
