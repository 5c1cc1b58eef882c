import type { BillableCustomer } from '../customers/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import { addDays, daysInMonth, localDate } from '../../shared/util/local-date.js';
import type { BillingSettings, GenerationResult } from '../../shared/domain/billing.js';
import { invoiceNumber, type NewInvoice } from './invoice-store.js';
import { announcePaid } from './allocator.js';
import type { BillingParts } from './billing-parts.js';

export interface GenerationNeeds {
  customers: { billables(tenantId: string): BillableCustomer[] };
  zone(tenantId: string): TimeZone;
  settings(tenantId: string): BillingSettings;
}

/**
 * The first month's charge when the customer started within it: the days left of the month,
 * counting the start day, over the days in the month, of the price, rounded half up to whole
 * rupiah (Rp150.000 from 17 January: 15/31 -> Rp72.581). Null: a full month.
 */
export function proratedPrice(price: number, startDate: string, period: string): { amount: number; days: number; of: number } | null {
  if (startDate.slice(0, 7) !== period) return null;
  const of = daysInMonth(period);
  const days = of - Number(startDate.slice(8)) + 1;
  if (days >= of) return null;
  return { amount: Math.round((price * days) / of), days, of };
}

/** Whether the tenant's policy invoices a customer of this status. */
function billed(status: BillableCustomer['status'], s: BillingSettings): boolean {
  if (status === 'isolated') return s.invoiceIsolated;
  if (status === 'inactive') return s.invoiceInactive;
  return true;
}

/**
 * The monthly generation: every customer whose billing day (1..28) has come in the tenant's
 * current month, in the tenant's zone, gets that month's invoice, once. A day the app was closed
 * is caught up by the next run (a billing day that passed still counts). One IMMEDIATE
 * transaction: a second run (another core on the file, the schedule and the button at once)
 * waits, then finds the invoices made and makes nothing; the UNIQUE index would refuse a
 * duplicate anyway. Customers are read once through the customers face, invoices computed in JS
 * and inserted set-based.
 */
export class InvoiceGenerator {
  constructor(
    private readonly parts: BillingParts,
    private readonly needs: GenerationNeeds,
  ) {}

  generate(tenantId: string, source: 'schedule' | 'manual', createdBy: string | null): GenerationResult {
    const runId = this.parts.ids.next();
    return this.parts.db
      .transaction(() => {
        const startedAt = this.parts.clock.now();
        const zone = this.needs.zone(tenantId);
        const today = localDate(startedAt, zone);
        const period = today.slice(0, 7);
        const day = Number(today.slice(8));
        const settings = this.needs.settings(tenantId);
        const invoiced = this.parts.invoices.invoicedFrom(tenantId, period);
        const result: GenerationResult = { runId, period, created: 0, alreadyInvoiced: 0, notYetDue: 0, excluded: 0 };
        const due: BillableCustomer[] = [];
        for (const c of this.needs.customers.billables(tenantId)) {
          if (c.billingDay > day) result.notYetDue += 1;
          else if (!billed(c.status, settings)) result.excluded += 1;
          else if (invoiced.has(c.id)) result.alreadyInvoiced += 1;
          else due.push(c);
        }
        if (due.length === 0) return result;
        const office = settings.officeCode;
        const first = this.parts.invoices.nextNumbers(tenantId, office, period, due.length);
        const dueDate = addDays(today, settings.dueDays);
        const planned = due.map((c, i) => this.plan(c, { period, today, dueDate, settings, runId, createdBy, number: invoiceNumber(period, office, first + i), zone }));
        const announce = (done: number) => this.parts.bus.announce('billing_progress', tenantId, { runId, done, total: planned.length });
        const created = this.parts.invoices.insertMany(tenantId, office, planned, startedAt, announce);
        result.created = created.size;
        this.spendCredits(tenantId, planned, created, startedAt);
        this.parts.invoices.recordRun({ id: runId, tenantId, period, localDate: today, source, created: result.created, startedAt, finishedAt: this.parts.clock.now() });
        this.parts.bus.publish('invoices_generated', tenantId, { runId, period, created: result.created });
        // One message per customer only when the tenant asked for it (see notifyInvoiceCreated).
        if (settings.notifyInvoiceCreated) {
          for (const i of planned) if (created.has(i.id)) this.parts.bus.publish('invoice_created', tenantId, { invoiceId: i.id, customerId: i.customerId });
        }
        return result;
      })
      .immediate();
  }

  private plan(
    c: BillableCustomer,
    run: { period: string; today: string; dueDate: string; settings: BillingSettings; runId: string; createdBy: string | null; number: string; zone: TimeZone },
  ): NewInvoice {
    const startDate = localDate(Date.parse(c.createdAt), run.zone);
    const prorated = run.settings.prorateFirstMonth ? proratedPrice(c.price, startDate, run.period) : null;
    const id = this.parts.ids.next();
    // The month's line takes its invoice's id (lines are keyed within their invoice): 50,000 ids fewer to make.
    const line = prorated
      ? { id, kind: 'proration' as const, description: `${c.packageName} (${prorated.days}/${prorated.of} hari)`, amount: prorated.amount }
      : { id, kind: 'package' as const, description: c.packageName, amount: c.price };
    return {
      id,
      customerId: c.id,
      customerName: c.name,
      customerCode: c.code,
      packageId: c.packageId,
      kind: 'monthly',
      period: run.period,
      // The paper prints the days billed: from the start day when the month is prorated.
      periodStart: prorated ? startDate : null,
      number: run.number,
      issueDate: run.today,
      dueDate: run.dueDate,
      ppnBps: run.settings.ppnBps,
      requestKey: null,
      runId: run.runId,
      createdBy: run.createdBy,
      lines: [line],
    };
  }

  /** Customers with credit have it spent on their new invoice at once (a few rows: only they are read back). */
  private spendCredits(tenantId: string, planned: readonly NewInvoice[], created: ReadonlySet<string>, now: number): void {
    const credits = this.parts.ledger.credits(tenantId);
    if (credits.size === 0) return;
    for (const i of planned) {
      if (!created.has(i.id) || !credits.has(i.customerId)) continue;
      const invoice = this.parts.invoices.get(tenantId, i.id);
      if (invoice) announcePaid(this.parts.bus, tenantId, i.customerId, this.parts.allocator.credit(tenantId, invoice, now));
    }
  }
}
