import { z } from 'zod';
import { method } from '../define.js';
import { OWNER_ONLY } from '../../domain/roles.js';

/** An event a part of the core could not handle after several tries, parked so the rest keeps flowing. */
export const deadLetterSchema = z.object({
  id: z.number().int().positive(),
  /** Which part of the core failed on it (e.g. 'wa-notifier'). */
  subscriber: z.string(),
  /** The event's name (e.g. 'customer_created'). */
  event: z.string(),
  error: z.string(),
  failures: z.number().int(),
  /** When the event happened and when it was parked (ISO 8601, UTC). */
  eventAt: z.string(),
  parkedAt: z.string(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** The owner sees what the core could not do, and tries it again once the cause is fixed. */
export const systemMethods = {
  'system.deadLetters.list': method({
    input: z.object({}).strict(),
    output: z.array(deadLetterSchema),
    roles: OWNER_ONLY,
    access: 'read',
  }),
  'system.deadLetters.retry': method({
    input: z.object({ id: z.number().int().positive() }).strict(),
    /** delivered: handled this time and removed; otherwise the letter stays, with the new error. */
    output: z.object({ delivered: z.boolean(), deadLetter: deadLetterSchema.nullable() }),
    roles: OWNER_ONLY,
    access: 'write',
  }),
};
