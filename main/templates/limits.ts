/**
 * Bounds that keep a hostile or careless template cheap to handle: every pass over a template is
 * linear, and these caps keep recursion shallow and error lists short.
 */

/** WhatsApp providers refuse or split very long texts; tenants may lower or raise this per template. */
export const DEFAULT_MAX_LENGTH = 1000;

/** Refused before any parsing, whatever maxLength a caller passes. */
export const HARD_MAX_TEMPLATE_LENGTH = 20_000;

/** One `{{#if ...}}` condition, in characters. */
export const MAX_CONDITION_LENGTH = 300;

/** Function calls inside one condition, e.g. and(or(not(exists(x)), ...)). */
export const MAX_CONDITION_DEPTH = 8;

/** `{{#if}}` inside `{{#if}}`, blocks and inline together. */
export const MAX_IF_DEPTH = 8;

export const MAX_VARIABLE_NAME_LENGTH = 64;

/** Past this, more errors only bury the first ones. */
export const MAX_REPORTED_ERRORS = 20;

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function countChars(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
