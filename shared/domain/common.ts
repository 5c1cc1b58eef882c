import { z } from 'zod';
import { normalizePhone } from '../util/phone.js';

/** ULIDs: sortable, so rows made offline on two machines never collide and sync in order. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'validation.invalid');
export const isoDateTimeSchema = z.string();

/**
 * Characters that are never part of what a person typed: NUL and the other control characters,
 * and the direction overrides, embeddings, isolates and marks that make text read as something it
 * is not ("Budi\u202Egnol" shows as "Budilong"). Tab, newline and carriage return are handled by
 * each kind of text below.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEVER_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

/** Line and paragraph breaks of every kind, and tabs. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/**
 * A single line: a name or an address is put into WhatsApp messages and lists, where a newline
 * would inject a fake paragraph ("Budi\n\nTagihan Anda sudah LUNAS"). A run of breaks and tabs
 * becomes one space; the spaces a person typed are theirs.
 */
export function singleLine(value: string): string {
  return value.normalize('NFC').replace(NEVER_TEXT, '').replace(BREAKS, ' ').trim();
}

/** Free text of several lines (notes): line breaks kept, as \n; the rest as in a single line. */
export function multiLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(NEVER_TEXT, '')
    .trim();
}

/** A required line of text, normalised by `singleLine`, with a length cap (caps keep huge inputs out of the database). */
export const text = (max: number) => z.string().overwrite(singleLine).min(1, 'validation.required').max(max, 'validation.tooLong');
/** A line of text that may be empty. Defaults are added by create schemas only, so update patches stay partial. */
export const optionalText = (max: number) => z.string().overwrite(singleLine).max(max, 'validation.tooLong');
/** Several lines that may be empty (notes). */
export const optionalMultilineText = (max: number) => z.string().overwrite(multiLine).max(max, 'validation.tooLong');

export const pageLimitSchema = z.number().int().min(1).max(200).default(50);
export const cursorSchema = z.string().max(512).nullable().default(null);

/** A phone number that may be left empty: stored as E.164, like every phone, or ''. */
export const optionalPhone = z
  .string()
  .max(32, 'validation.phone')
  .transform((value, ctx) => {
    if (value.trim() === '') return '';
    const e164 = normalizePhone(value);
    if (e164) return e164;
    ctx.addIssue({ code: 'custom', message: 'validation.phone' });
    return z.NEVER;
  });
