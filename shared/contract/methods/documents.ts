import { z } from 'zod';
import { method } from '../define.js';
import { OFFICE } from '../../domain/roles.js';
import { DOCUMENT_KINDS, paperSizeSchema } from '../../domain/billing-document.js';
import { downloadSchema } from '../../domain/customer-import.js';

const sampleInput = z.object({ kind: z.enum(DOCUMENT_KINDS), size: paperSizeSchema }).strict();

/**
 * "Contoh cetak": a sample invoice or receipt with the ISP's own profile, to check the logo, the
 * bank accounts and the paper before the first real one. Real invoices print through billing.
 */
export const documentMethods = {
  'documents.sample.html': method({
    input: sampleInput,
    output: z.object({ html: z.string() }),
    roles: OFFICE,
    access: 'read',
  }),
  /** The PDF as base64 in the answer: one path for IPC and web mode, and a receipt is a few kB. */
  'documents.sample.pdf': method({
    input: sampleInput,
    output: downloadSchema,
    roles: OFFICE,
    access: 'read',
  }),
};
