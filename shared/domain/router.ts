import { z } from 'zod';
import { idSchema } from './common.js';

/** Just what the customer form needs now; the network issue grows this into the full router module. */
export const routerSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  host: z.string(),
});
export type RouterSummary = z.infer<typeof routerSummarySchema>;
