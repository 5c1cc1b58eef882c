import { en } from './en.js';
import { id } from './id.js';
import type { Locale } from '../domain/user.js';
import type { MessageTree } from './types.js';

export const coreMessages: Record<Locale, MessageTree> = { id, en };

function lookup(locale: Locale, key: string): string | undefined {
  const [section, name] = key.split('.', 2) as [string, string | undefined];
  const tree = coreMessages[locale] as unknown as Record<string, Record<string, string> | undefined>;
  return name === undefined ? undefined : tree[section]?.[name];
}

/** Whether a key has a text: lets callers translate codes they know and pass others through. */
export function hasTranslation(key: string): boolean {
  return lookup('id', key) !== undefined;
}

/**
 * Looks up "section.key" and fills {{params}}. Used by the core for error messages; the renderer
 * feeds the same trees to i18next so both speak with one voice.
 */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(locale, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''));
}
