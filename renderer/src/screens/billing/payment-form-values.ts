import { z } from 'zod';
import { paymentMethodSchema, paymentRecordSchema } from '../../../../shared/domain/billing.js';
import { rupiahTextSchema } from '../../components/rupiah-text.js';

/** The form as typed, then the contract's own schema (a transfer needs its reference): one set of rules. */
export const paymentFormSchema = z
  .object({
    requestKey: z.string(),
    customerId: z.string(),
    amount: rupiahTextSchema,
    method: paymentMethodSchema,
    // Optional only to meet the contract's input (which defaults them); the form always has them.
    reference: z.string().optional(),
    note: z.string().optional(),
  })
  .pipe(paymentRecordSchema);
