import { z } from 'zod';
import { promiseCreateSchema } from '../../../../shared/domain/billing-loop.js';

/** The day comes from the date box as ISO ('' until one is picked): missing reads as "required", then the contract's rules. */
export const promiseFormSchema = z
  .object({
    customerId: z.string(),
    promisedDate: z.string().min(1, 'validation.required'),
    // Optional only to meet the contract's input (which defaults it); the form always has it.
    note: z.string().optional(),
  })
  .pipe(promiseCreateSchema);
