import { z } from 'zod';

/** ULIDs: sortable, so rows made offline on two machines never collide and sync in order. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'validation.invalid');
export const isoDateTimeSchema = z.string();

/** A required, trimmed line of text with a length cap (caps keep huge inputs out of the database). */
export const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
/** Free text that may be empty. Defaults are added by create schemas only, so update patches stay partial. */
export const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong');

export const pageLimitSchema = z.number().int().min(1).max(200).default(50);
export const cursorSchema = z.string().max(512).nullable().default(null);
