import { z } from 'zod';
import { rupiahSchema } from '../util/money.js';
import { cursorSchema, idSchema, optionalText, pageLimitSchema, text } from './common.js';
import { areaSchema } from './customer.js';

/**
 * Billing (issue 9): monthly invoices per customer, payments as a ledger, a customer's credit.
 * Amounts are whole rupiah (integers). Calendar dates are the tenant's local dates as 'YYYY-MM-DD'
 * (the screens show dd/mm/yyyy): a due date is a day in the tenant's zone, never a UTC instant, so
 * comparing two of them as strings is comparing days.
 */

export const INVOICE_STATUSES = ['unpaid', 'partial', 'paid', 'void'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/** 'monthly': the package for a period, one per customer and period at most; 'one_off': made by hand (installation ...). */
export const INVOICE_KINDS = ['monthly', 'one_off'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** A line's amount is signed: a discount is negative, the rest positive. */
export const INVOICE_LINE_KINDS = ['package', 'proration', 'discount', 'charge'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];
/** What a person adds by hand. */
export const MANUAL_LINE_KINDS = ['discount', 'charge'] as const;

/** Cash at the counter, a bank transfer, an e-wallet transfer (DANA, OVO, GoPay ...). */
export const PAYMENT_METHODS = ['cash', 'bank', 'ewallet'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
/** A ledger: a payment is never edited; a mistake is undone by a reversal, a new entry pointing at it. */
export const PAYMENT_KINDS = ['payment', 'reversal'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** A billing month, 'YYYY-MM'. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.invalid');
/** A day in the tenant's zone, 'YYYY-MM-DD'. */
export const localDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'validation.invalid');

/** An office's code in invoice numbers: INV/202612/A-00001. Two offices with different codes never clash. */
export const officeCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,4}$/, 'validation.officeCode');

/** PPN in basis points: 1100 = 11 %, 0 = none. */
export const ppnBpsSchema = z.number().int().min(0).max(10_000);

export const billingSettingsSchema = z.object({
  ppnBps: ppnBpsSchema,
  /** The due date is this many days after the invoice is issued. */
  dueDays: z.number().int().min(0).max(90),
  /** Days after the due date before auto-isolir (the overdue scan's, not the core's). */
  graceDays: z.number().int().min(0).max(90),
  /** A customer's first month is charged for the days left of it. */
  prorateFirstMonth: z.boolean(),
  /** Whether an isolated customer still gets the monthly invoice. */
  invoiceIsolated: z.boolean(),
  /** Whether a deactivated customer still gets the monthly invoice. */
  invoiceInactive: z.boolean(),
  /** E.g. https://bayar.example/{{invoice_number}}; '' for none (then messages leave the payment link out). */
  paymentUrlPattern: z.string(),
  officeCode: z.string(),
  /**
   * A WhatsApp message to each customer when their monthly invoice is made. Off by default: a
   * generation for 50,000 customers is 50,000 messages, which a tenant turns on knowingly.
   */
  notifyInvoiceCreated: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type BillingSettings = z.infer<typeof billingSettingsSchema>;

export const DEFAULT_BILLING_SETTINGS: Omit<BillingSettings, 'updatedAt'> = {
  ppnBps: 0,
  dueDays: 10,
  graceDays: 7,
  prorateFirstMonth: false,
  invoiceIsolated: true,
  invoiceInactive: false,
  paymentUrlPattern: '',
  officeCode: 'A',
  notifyInvoiceCreated: false,
};

/** The placeholder a payment URL pattern may hold. */
export const PAYMENT_URL_PLACEHOLDERS = ['{{invoice_number}}', '{{invoice_id}}', '{{customer_code}}'] as const;

const paymentUrlPatternSchema = z
  .string()
  .trim()
  .max(300, 'validation.tooLong')
  .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'validation.url');

export const billingSettingsUpdateSchema = z
  .object({
    ppnBps: ppnBpsSchema,
    dueDays: z.number().int().min(0).max(90),
    graceDays: z.number().int().min(0).max(90),
    prorateFirstMonth: z.boolean(),
    invoiceIsolated: z.boolean(),
    invoiceInactive: z.boolean(),
    paymentUrlPattern: paymentUrlPatternSchema,
    officeCode: officeCodeSchema,
    notifyInvoiceCreated: z.boolean(),
  })
  .partial();
export type BillingSettingsUpdate = z.infer<typeof billingSettingsUpdateSchema>;

export const invoiceLineSchema = z.object({
  id: idSchema,
  kind: z.enum(INVOICE_LINE_KINDS),
  description: z.string(),
  /** Signed whole rupiah: a discount is negative. */
  amount: z.number().int(),
  createdAt: z.string(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceSchema = z.object({
  id: idSchema,
  /** INV/YYYYMM/<office>-<seq 5 digits>, unique per tenant. */
  number: z.string(),
  customerId: idSchema,
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  kind: z.enum(INVOICE_KINDS),
  period: periodSchema,
  issueDate: localDateSchema,
  dueDate: localDateSchema,
  /** The sum of the lines, before PPN. */
  subtotal: z.number().int(),
  ppnBps: z.number().int(),
  ppnAmount: z.number().int(),
  total: z.number().int(),
  /** What payments (and credit) have covered so far. */
  paid: z.number().int(),
  /** total - paid (0 once paid, and for a void invoice). */
  balance: z.number().int(),
  status: invoiceStatusSchema,
  voidReason: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidedAt: z.string().nullable(),
  /** The tenant's payment link for this invoice, or null when none is set. */
  paymentUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** One payment's share of one invoice (negative for a reversal's). */
export const allocationSchema = z.object({
  paymentId: idSchema,
  invoiceId: idSchema,
  invoiceNumber: z.string(),
  amount: z.number().int(),
  paymentKind: z.enum(PAYMENT_KINDS),
  method: paymentMethodSchema,
  receivedAt: z.string(),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const invoiceDetailSchema = invoiceSchema.extend({
  lines: z.array(invoiceLineSchema),
  allocations: z.array(allocationSchema),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

export const paymentSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  kind: z.enum(PAYMENT_KINDS),
  /** The receipt number read aloud, 'KW/202612/A-00001' (a reversal's from the same sequence). */
  number: z.string(),
  /** A reversal: the payment it undoes. */
  reversesId: idSchema.nullable(),
  /** A payment: the reversal that undid it, if any. */
  reversedById: idSchema.nullable(),
  method: paymentMethodSchema,
  /** Positive whole rupiah; a reversal takes it back. */
  amount: z.number().int(),
  reference: z.string(),
  /** Whether a photo of the transfer proof is kept (the file itself stays in the data folder). */
  hasProof: z.boolean(),
  note: z.string(),
  receivedBy: z.string().nullable(),
  receivedByName: z.string().nullable(),
  receivedAt: z.string(),
  /** The day in the tenant's zone it counts for (daily closing). */
  localDate: localDateSchema,
  allocations: z.array(allocationSchema),
});
export type Payment = z.infer<typeof paymentSchema>;

/** Proof photos: a screenshot or a camera photo, 2 MB at most (base64 is 4/3 of that). */
export const PROOF_MAX_BYTES = 2 * 1024 * 1024;
export const PROOF_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const proofSchema = z.object({
  contentType: z.enum(PROOF_CONTENT_TYPES),
  base64: z
    .string()
    .max(Math.ceil(PROOF_MAX_BYTES / 3) * 4 + 4, 'validation.proofTooLarge')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'validation.invalid'),
});

/** A client-made key: a double click (or a retry after a lost answer) records one payment. */
export const requestKeySchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid');

export const paymentRecordSchema = z
  .object({
    requestKey: requestKeySchema,
    customerId: idSchema,
    amount: rupiahSchema.min(1, 'validation.required'),
    method: paymentMethodSchema,
    /** The transfer's reference (bank / e-wallet); '' for cash. */
    reference: optionalText(100).default(''),
    proof: proofSchema.nullable().default(null),
    note: optionalText(300).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method !== 'cash' && v.reference === '') ctx.addIssue({ code: 'custom', path: ['reference'], message: 'validation.required' });
  });
export type PaymentRecordInput = z.infer<typeof paymentRecordSchema>;

/** What a payment did to the customer's connection: the screen follows a requested reconnect through isolir's events. */
export const RECONNECT_OUTCOMES = ['none', 'requested', 'still_owing'] as const;
export const paymentRecordResultSchema = z.object({
  payment: paymentSchema,
  /** Invoices this payment paid in full. */
  invoicesPaid: z.array(idSchema),
  /** The customer's credit after it (overpayment kept for the next invoice). */
  credit: z.number().int(),
  /** What is still owed after it. */
  owed: z.number().int(),
  /** 'requested': the customer was isolated for non-payment and is being reconnected (actionId); 'still_owing': isolated, a past-due invoice remains. */
  reconnect: z.enum(RECONNECT_OUTCOMES),
  reconnectActionId: idSchema.nullable(),
});
export type PaymentRecordResult = z.infer<typeof paymentRecordResultSchema>;

export const paymentReverseSchema = z.object({
  paymentId: idSchema,
  reason: text(200),
});

export const paymentListSchema = z.object({
  customerId: idSchema.nullable().default(null),
  /** One day in the tenant's zone. */
  date: localDateSchema.nullable().default(null),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});
export const paymentPageSchema = z.object({ items: z.array(paymentSchema), nextCursor: z.string().nullable() });

export const invoiceListSchema = z.object({
  period: periodSchema.nullable().default(null),
  status: invoiceStatusSchema.nullable().default(null),
  packageId: idSchema.nullable().default(null),
  customerId: idSchema.nullable().default(null),
  /** The customers' area (case aside; '' those without one), as customers.list filters. */
  area: areaSchema.nullable().default(null),
  /** A customer's name, code or phone, as customers.list searches. */
  query: z.string().trim().max(100, 'validation.tooLong').refine((q) => !q.includes('\0'), 'validation.invalid').default(''),
  /** Unpaid and partly paid together (what the money cards count as owed); `status` narrows it further. */
  open: z.boolean().default(false),
  /** Due on these days of the tenant's calendar, inclusive: the money card "due this week" opens this list. */
  dueFrom: localDateSchema.nullable().default(null),
  dueTo: localDateSchema.nullable().default(null),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});
export const invoicePageSchema = z.object({ items: z.array(invoiceSchema), nextCursor: z.string().nullable() });

const manualLineSchema = z.object({
  kind: z.enum(MANUAL_LINE_KINDS),
  description: text(120),
  /** Positive: a discount is taken off. */
  amount: rupiahSchema.min(1, 'validation.required'),
});

export const invoiceAddLineSchema = manualLineSchema.extend({ invoiceId: idSchema });

/** A one-off invoice by hand (installation fee ...), idempotent by its request key. */
export const invoiceCreateSchema = z.object({
  requestKey: requestKeySchema,
  customerId: idSchema,
  lines: z.array(manualLineSchema).min(1, 'validation.required').max(20, 'validation.tooMany'),
});

export const invoiceVoidSchema = z.object({ invoiceId: idSchema, reason: text(200) });

export const generationResultSchema = z.object({
  runId: idSchema,
  /** The period it invoiced (the tenant's current month). */
  period: periodSchema,
  created: z.number().int(),
  /** Customers who already had this period's invoice. */
  alreadyInvoiced: z.number().int(),
  /** Customers whose billing day has not come yet this month. */
  notYetDue: z.number().int(),
  /** Customers left out by the tenant's policy (isolated / deactivated). */
  excluded: z.number().int(),
});
export type GenerationResult = z.infer<typeof generationResultSchema>;

export const customerBalanceSchema = z.object({
  customerId: idSchema,
  /** Overpayment not yet used by an invoice. */
  credit: z.number().int(),
  /** What unpaid and partly paid invoices still ask. */
  owed: z.number().int(),
  /** Of it, what is past its due date. */
  overdue: z.number().int(),
  unpaidInvoices: z.number().int(),
});
export type CustomerBalance = z.infer<typeof customerBalanceSchema>;

/** The dashboard's money cards. */
export const billingSummarySchema = z.object({
  today: localDateSchema,
  collectedToday: z.number().int(),
  collectedThisMonth: z.number().int(),
  unpaidTotal: z.number().int(),
  unpaidCount: z.number().int(),
  /** Unpaid invoices due from today through the next 6 days. */
  dueThisWeekTotal: z.number().int(),
  dueThisWeekCount: z.number().int(),
  overdueTotal: z.number().int(),
  overdueCount: z.number().int(),
  creditTotal: z.number().int(),
});
export type BillingSummary = z.infer<typeof billingSummarySchema>;

const dailyClosing = z.object({ kind: z.literal('daily'), date: localDateSchema }).strict();
const monthlyClosing = z.object({ kind: z.literal('monthly'), period: periodSchema }).strict();
export const closingInputSchema = z.discriminatedUnion('kind', [dailyClosing, monthlyClosing]);
export type ClosingInput = z.infer<typeof closingInputSchema>;

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const reportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof reportFormatSchema>;
/** The closing as a file: the same day or month, and the file's format. */
export const reportExportInputSchema = z.discriminatedUnion('kind', [
  dailyClosing.extend({ format: reportFormatSchema }),
  monthlyClosing.extend({ format: reportFormatSchema }),
]);

export const closingReportSchema = z.object({
  kind: z.enum(['daily', 'monthly']),
  /** The days it covers, inclusive. */
  from: localDateSchema,
  to: localDateSchema,
  /** Payments less reversals entered in these days. */
  collected: z.number().int(),
  payments: z.number().int(),
  reversed: z.number().int(),
  byMethod: z.array(z.object({ method: paymentMethodSchema, amount: z.number().int(), count: z.number().int() })),
  byStaff: z.array(z.object({ userId: z.string().nullable(), name: z.string().nullable(), amount: z.number().int(), count: z.number().int() })),
  /** Invoices issued in these days. */
  invoices: z.object({ issued: z.number().int(), amount: z.number().int(), paid: z.number().int(), void: z.number().int() }),
  /** Unpaid now, across every period. */
  unpaid: z.object({ count: z.number().int(), amount: z.number().int() }),
  /** The same, by the period the invoices bill (oldest first): how far behind the money is. */
  unpaidByPeriod: z.array(z.object({ period: periodSchema, count: z.number().int(), amount: z.number().int() })),
  /** Customers isolated now, with what they still owe: who to call first. */
  isolated: z.array(z.object({ customerId: z.string(), code: z.string(), name: z.string(), packageName: z.string(), owed: z.number().int() })),
});
export type ClosingReport = z.infer<typeof closingReportSchema>;
