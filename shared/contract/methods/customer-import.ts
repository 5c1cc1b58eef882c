import { z } from 'zod';
import { method } from '../define.js';
import { MANAGERS } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import {
  downloadSchema,
  exportInputSchema,
  importApplyInputSchema,
  importOptionsSchema,
  importPreviewSchema,
  importReportSchema,
  importSummarySchema,
  importUploadInputSchema,
} from '../../domain/customer-import.js';

/**
 * Moving customers in from a spreadsheet and out to one. No method `consumes` maxCustomers: an
 * import that only updates runs on a full plan; new rows beyond the limit are skipped with the
 * reason, counted inside the apply's transaction.
 */
export const customerImportMethods = {
  /** One part of the file (at most 512 KB; the file at most 5 MB): the first part opens an upload, the next ones add to it. */
  'customers.import.upload': method({
    input: importUploadInputSchema.strict(),
    output: z.object({ uploadId: idSchema, bytes: z.number().int() }),
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
  /** The dry run: what each row would become, and why a row is skipped. Writes nothing. */
  'customers.import.preview': method({
    input: importOptionsSchema.strict(),
    output: importPreviewSchema,
    roles: MANAGERS,
    access: 'read',
    feature: 'customers',
  }),
  /** Applies the preview's plan in one transaction; the same requestKey twice applies once. */
  'customers.import.apply': method({
    input: importApplyInputSchema.strict(),
    output: importReportSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
  'customers.import.history': method({
    input: z.object({}).strict(),
    output: z.array(importSummarySchema),
    roles: MANAGERS,
    access: 'read',
    feature: 'customers',
  }),
  /** An applied import's report as CSV, in the caller's language. */
  'customers.import.report': method({
    input: z.object({ id: idSchema }).strict(),
    output: downloadSchema,
    roles: MANAGERS,
    access: 'read',
    feature: 'customers',
  }),
  /** Everyone, or the list's current filter, as CSV or XLSX with headers in the caller's language. */
  'customers.export': method({
    input: exportInputSchema.strict(),
    output: downloadSchema,
    roles: MANAGERS,
    access: 'read',
    feature: 'customers',
  }),
};
