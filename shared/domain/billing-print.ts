import { z } from 'zod';
import { idSchema } from './common.js';
import { invoiceListSchema } from './billing.js';
import { paperSizeSchema } from './billing-document.js';
import { downloadSchema } from './customer-import.js';

/** At most this many invoices in one bulk print: a month of a mid-size RT/RW Net's invoices, a PDF of a few MB. */
export const PRINT_MANY_MAX = 500;

const printFormatSchema = z.enum(['html', 'pdf']);

export const invoicePrintSchema = z.object({ invoiceId: idSchema, size: paperSizeSchema, format: printFormatSchema });
export const paymentReceiptSchema = z.object({ paymentId: idSchema, size: paperSizeSchema, format: printFormatSchema });

/** The invoice list's filter without its paging: "print everything this filter shows". */
export const printFilterSchema = invoiceListSchema.omit({ cursor: true, limit: true });

/** Chosen invoices by id, or all the filter matches (void ones left out); exactly one of the two. */
export const invoicePrintManySchema = z
  .object({
    invoiceIds: z.array(idSchema).min(1).max(PRINT_MANY_MAX, 'validation.printTooMany').nullable().default(null),
    filter: printFilterSchema.strict().nullable().default(null),
    size: paperSizeSchema,
    format: printFormatSchema,
  })
  .strict()
  .refine((input) => (input.invoiceIds === null) !== (input.filter === null), { message: 'validation.required', path: ['invoiceIds'] });

/** The print HTML to show and print, or the PDF as base64 (one path for IPC and web mode). */
export const printedSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('html'), html: z.string() }),
  downloadSchema.extend({ format: z.literal('pdf') }),
]);
export type Printed = z.infer<typeof printedSchema>;
