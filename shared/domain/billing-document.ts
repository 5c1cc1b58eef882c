import { z } from 'zod';
import { rupiahSchema } from '../util/money.js';
import { timeZoneSchema } from '../util/time.js';
import { tenantProfileSchema } from './tenant-profile.js';

export const DOCUMENT_KINDS = ['invoice', 'receipt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Thermal rolls (58 mm prints 48 mm: 32 characters; 80 mm prints 72 mm: 42) and office paper. */
export const PAPER_SIZES = ['58mm', '80mm', 'a4'] as const;
export const paperSizeSchema = z.enum(PAPER_SIZES);
export type PaperSize = z.infer<typeof paperSizeSchema>;

/** A calendar day (due dates, periods): no time and no zone, printed dd/mm/yyyy as it is. */
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An instant (UTC, ISO 8601): printed in the tenant's zone. */
const instant = z.string();

export const PAYMENT_METHODS = ['cash', 'transfer'] as const;

/**
 * An invoice or a receipt as it is printed: everything the paper says, already worked out by the
 * module that owns the money (billing), so printing computes nothing and a reprint from history
 * says exactly what the first print said. Amounts are whole rupiah; a line may be negative (a discount).
 */
export const billingDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  issuedAt: instant,
  /** Invoices: when it must be paid. */
  dueDate: calendarDate.nullable(),
  /** The service period the invoice covers (a prorated first month starts mid-month). */
  period: z.object({ start: calendarDate, end: calendarDate }).nullable(),
  /** The tenant's zone: instants print in it. */
  timezone: timeZoneSchema,
  isp: tenantProfileSchema,
  customer: z.object({ name: z.string(), code: z.string(), address: z.string(), phone: z.string() }),
  lines: z.array(z.object({ description: z.string(), amount: z.number().int() })),
  subtotal: z.number().int(),
  /** Rate in percent (11 for PPN 11%); 0 prints no PPN line. */
  ppn: z.object({ rate: z.number().min(0).max(100), amount: rupiahSchema }),
  total: rupiahSchema,
  paid: rupiahSchema,
  balanceDue: rupiahSchema,
  /** Paid beyond what is owed: used by the next invoice. */
  credit: rupiahSchema,
  /** Receipts: the payment this paper acknowledges. */
  payment: z
    .object({
      method: z.enum(PAYMENT_METHODS),
      /** The bank or e-wallet of a transfer ("BCA", "DANA"); '' for cash. */
      account: z.string(),
      reference: z.string(),
      receivedAt: instant,
      receivedBy: z.string(),
      amount: rupiahSchema,
    })
    .nullable(),
  /** Where the customer can pay online (the tenant's URL pattern, filled); null prints none. */
  paymentUrl: z.string().nullable(),
});
export type BillingDocument = z.infer<typeof billingDocumentSchema>;
