import { z } from 'zod';
import { invoiceAddLineSchema, invoiceCreateSchema } from '../../../../shared/domain/billing.js';
import { rupiahTextSchema } from '../../components/rupiah-text.js';

const line = invoiceAddLineSchema.shape;

/** A discount or a charge as typed: the amount as pasted ("Rp 50.000", "50.000", "50000"), then the contract's rules. */
export const lineFormSchema = z.object({ kind: line.kind, description: line.description, amount: rupiahTextSchema.pipe(line.amount) });
export type LineFormValues = z.input<typeof lineFormSchema>;

export const addLineFormSchema = lineFormSchema.extend({ invoiceId: line.invoiceId });

const create = invoiceCreateSchema.shape;
export const oneOffFormSchema = z.object({
  requestKey: create.requestKey,
  customerId: create.customerId,
  lines: z.array(lineFormSchema).min(1, 'validation.required').max(20, 'validation.tooMany'),
});
