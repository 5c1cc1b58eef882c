import { z } from 'zod';
import { method } from '../define.js';
import { MANAGERS, OFFICE } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import {
  billingSettingsSchema,
  billingSettingsUpdateSchema,
  billingSummarySchema,
  closingInputSchema,
  closingReportSchema,
  customerBalanceSchema,
  generationResultSchema,
  invoiceAddLineSchema,
  invoiceCreateSchema,
  invoiceDetailSchema,
  invoiceListSchema,
  invoicePageSchema,
  invoiceSchema,
  invoiceVoidSchema,
  paymentListSchema,
  paymentPageSchema,
  paymentRecordResultSchema,
  paymentRecordSchema,
  paymentReverseSchema,
  paymentSchema,
  reportExportInputSchema,
} from '../../domain/billing.js';
import { downloadSchema } from '../../domain/customer-import.js';
import { invoicePrintManySchema, invoicePrintSchema, paymentReceiptSchema, printedSchema } from '../../domain/billing-print.js';

/**
 * Invoices and payments (issue 9). The office handles money (owner, admin, finance); the settings
 * that decide what customers are charged are the owner's and admins'.
 */
export const billingMethods = {
  'billing.settings.get': method({ input: z.object({}).strict(), output: billingSettingsSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  'billing.settings.update': method({ input: billingSettingsUpdateSchema.strict(), output: billingSettingsSchema, roles: MANAGERS, access: 'write', feature: 'billing' }),
  /**
   * This month's invoices for every customer whose billing day has come (the daily schedule does the
   * same): a rerun makes nothing new. Progress is announced as `billing_progress`.
   */
  'billing.invoices.generate': method({ input: z.object({}).strict(), output: generationResultSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  'billing.invoices.list': method({ input: invoiceListSchema.strict(), output: invoicePageSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  'billing.invoices.get': method({ input: z.object({ id: idSchema }).strict(), output: invoiceDetailSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** A one-off invoice (installation fee ...); the same request key answers the same invoice. */
  'billing.invoices.create': method({ input: invoiceCreateSchema.strict(), output: invoiceDetailSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  /** A discount or a charge on an invoice not yet paid in full. */
  'billing.invoices.addLine': method({ input: invoiceAddLineSchema.strict(), output: invoiceDetailSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  /** Void with a reason; an invoice with payments on it is refused until they are reversed. */
  'billing.invoices.void': method({ input: invoiceVoidSchema.strict(), output: invoiceSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  /** Cash or transfer, applied to the oldest unpaid invoices first; the rest becomes credit. */
  'billing.payments.record': method({ input: paymentRecordSchema, output: paymentRecordResultSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  /** Undoes a payment by a new reversing entry (the payment itself stays, as recorded). */
  'billing.payments.reverse': method({ input: paymentReverseSchema.strict(), output: paymentSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  'billing.payments.list': method({ input: paymentListSchema.strict(), output: paymentPageSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** What a customer owes and has in credit (the payment form shows it beside the amount). */
  'billing.customers.balance': method({ input: z.object({ customerId: idSchema }).strict(), output: customerBalanceSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  'billing.summary': method({ input: z.object({}).strict(), output: billingSummarySchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** Daily or monthly closing: collected by method and by staff, invoices, unpaid. */
  'billing.reports.closing': method({ input: closingInputSchema, output: closingReportSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** The same closing as a file to keep or send: CSV, XLSX (a sheet per section) or an A4 PDF. */
  'billing.reports.export': method({ input: reportExportInputSchema, output: downloadSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** An invoice as print HTML or PDF on 58 mm, 80 mm or A4, with the ISP's profile; a void one is refused. */
  'billing.invoices.print': method({ input: invoicePrintSchema.strict(), output: printedSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** Chosen invoices, or all the list's filter matches, one per page. */
  'billing.invoices.printMany': method({ input: invoicePrintManySchema, output: printedSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  /** A payment's receipt, as the ledger stood when it was recorded (a reprint says the same); a reversed payment has none. */
  'billing.payments.receipt': method({ input: paymentReceiptSchema.strict(), output: printedSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
};
