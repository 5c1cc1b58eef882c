import { conflict, notFound } from '../platform/index.js';
import type { Customer } from '../../shared/domain/customer.js';
import type { TimeZone } from '../../shared/util/time.js';
import { addDays, localDate } from '../../shared/util/local-date.js';
import type { BillingSettings, Invoice, InvoiceDetail, InvoiceLineKind } from '../../shared/domain/billing.js';
import { invoiceNumber, ppnOf, type InvoiceFilter, type InvoiceRow } from './invoice-store.js';
import { announcePaid } from './allocator.js';
import type { BillingParts } from './billing-parts.js';
import { toAllocation, toInvoice, toLine } from './invoice-views.js';

export interface InvoiceNeeds {
  customers: { get(tenantId: string, id: string): Customer; idsInArea(tenantId: string, area: string): string[] };
  zone(tenantId: string): TimeZone;
  settings(tenantId: string): BillingSettings;
}

/** The Tagihan list's filters: the store's, with the customers' area instead of their ids. */
export type InvoiceQuery = Omit<InvoiceFilter, 'customerIds'> & { area: string | null };

interface ManualLine {
  kind: 'discount' | 'charge';
  description: string;
  amount: number;
}

/** A discount is stored as a negative line; a charge as a positive one. */
const signed = (l: ManualLine) => ({ kind: l.kind as InvoiceLineKind, description: l.description, amount: l.kind === 'discount' ? -l.amount : l.amount });

/** Reading invoices, and what a person does to one: a one-off invoice, a line, voiding. */
export class InvoiceService {
  constructor(
    private readonly parts: BillingParts,
    private readonly needs: InvoiceNeeds,
  ) {}

  get(tenantId: string, id: string): InvoiceDetail {
    const row = this.parts.invoices.get(tenantId, id);
    if (!row) throw notFound();
    return {
      ...toInvoice(row, this.needs.settings(tenantId).paymentUrlPattern),
      lines: this.parts.invoices.lines(id).map(toLine),
      allocations: this.parts.ledger.allocationsOfInvoice(id).map(toAllocation),
    };
  }

  /** One invoice as messages and the screens show it. */
  view(tenantId: string, id: string): Invoice | null {
    const row = this.parts.invoices.get(tenantId, id);
    return row ? toInvoice(row, this.needs.settings(tenantId).paymentUrlPattern) : null;
  }

  list(tenantId: string, { area, ...filter }: InvoiceQuery): { items: Invoice[]; nextCursor: string | null } {
    // The area is the customer's, kept in customers' table: that module says who lives there.
    const customerIds = area === null ? null : this.needs.customers.idsInArea(tenantId, area);
    if (customerIds?.length === 0) return { items: [], nextCursor: null };
    const pattern = this.needs.settings(tenantId).paymentUrlPattern;
    const page = this.parts.invoices.list(tenantId, { ...filter, customerIds });
    return { items: page.items.map((r) => toInvoice(r, pattern)), nextCursor: page.nextCursor };
  }

  /**
   * A one-off invoice (an installation fee, a repair), numbered in the same sequence as the
   * month's; the customer's credit is spent on it at once. The same request key answers the
   * invoice it made (a double click makes one).
   */
  createOneOff(tenantId: string, input: { requestKey: string; customerId: string; lines: readonly ManualLine[] }, by: string | null): InvoiceDetail {
    const id = this.parts.db
      .transaction(() => {
        const existing = this.parts.invoices.byRequestKey(tenantId, input.requestKey);
        if (existing) return existing;
        const customer = this.needs.customers.get(tenantId, input.customerId);
        const settings = this.needs.settings(tenantId);
        const lines = input.lines.map(signed);
        if (lines.reduce((sum, l) => sum + l.amount, 0) < 0) throw conflict('lines', 'conflicts.invoiceNegative');
        const now = this.parts.clock.now();
        const today = localDate(now, this.needs.zone(tenantId));
        const period = today.slice(0, 7);
        const seq = this.parts.invoices.nextNumbers(tenantId, settings.officeCode, period, 1);
        const invoiceId = this.parts.ids.next();
        this.parts.invoices.insertMany(
          tenantId,
          settings.officeCode,
          [
            {
              id: invoiceId,
              customerId: customer.id,
              customerName: customer.name,
              customerCode: customer.code,
              packageId: null,
              kind: 'one_off',
              period,
              periodStart: null,
              number: invoiceNumber(period, settings.officeCode, seq),
              issueDate: today,
              dueDate: addDays(today, settings.dueDays),
              ppnBps: settings.ppnBps,
              requestKey: input.requestKey,
              runId: null,
              createdBy: by,
              lines: lines.map((l) => ({ ...l, id: this.parts.ids.next() })),
            },
          ],
          now,
        );
        this.parts.bus.publish('invoice_created', tenantId, { invoiceId, customerId: customer.id });
        this.spendCredit(tenantId, invoiceId, now);
        return invoiceId;
      })
      .immediate();
    return this.get(tenantId, id);
  }

  /** A discount or a charge on an invoice not yet paid in full nor void. */
  addLine(tenantId: string, input: ManualLine & { invoiceId: string }, by: string | null): InvoiceDetail {
    this.parts.db
      .transaction(() => {
        const invoice = this.open(tenantId, input.invoiceId);
        const line = signed(input);
        const subtotal = invoice.subtotal + line.amount;
        if (subtotal < 0) throw conflict('amount', 'conflicts.invoiceNegative');
        if (subtotal + ppnOf(subtotal, invoice.ppn_bps) < invoice.paid) throw conflict('amount', 'conflicts.invoiceBelowPaid');
        const now = this.parts.clock.now();
        this.parts.invoices.addLine(tenantId, invoice.id, { id: this.parts.ids.next(), ...line }, by, now);
        this.parts.invoices.retotal(invoice, now);
        this.parts.bus.publish('invoice_changed', tenantId, { invoiceId: invoice.id, customerId: invoice.customer_id });
      })
      .immediate();
    return this.get(tenantId, input.invoiceId);
  }

  /** Void with a reason and who did it; money on it must be reversed first (the ledger stays whole). */
  void(tenantId: string, id: string, reason: string, by: string | null): Invoice {
    this.parts.db
      .transaction(() => {
        const invoice = this.parts.invoices.get(tenantId, id);
        if (!invoice) throw notFound();
        if (invoice.status === 'void') return;
        if (invoice.paid > 0) throw conflict('invoiceId', 'conflicts.invoiceHasPayments');
        this.parts.invoices.void(id, reason, by, this.parts.clock.now());
        this.parts.bus.publish('invoice_changed', tenantId, { invoiceId: id, customerId: invoice.customer_id });
      })
      .immediate();
    return this.view(tenantId, id) as Invoice;
  }

  private open(tenantId: string, id: string): InvoiceRow {
    const invoice = this.parts.invoices.get(tenantId, id);
    if (!invoice) throw notFound();
    if (invoice.status === 'paid' || invoice.status === 'void') throw conflict('invoiceId', 'conflicts.invoiceClosed');
    return invoice;
  }

  private spendCredit(tenantId: string, invoiceId: string, now: number): void {
    const invoice = this.parts.invoices.get(tenantId, invoiceId) as InvoiceRow;
    announcePaid(this.parts.bus, tenantId, invoice.customer_id, this.parts.allocator.credit(tenantId, invoice, now));
  }
}
