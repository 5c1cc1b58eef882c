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
 * `{{name:format}}` says a number the way people do. `wait` is a wait in whole seconds, in minutes
 * from one minute up ("15 menit", not "900 detik"), rounded up so it never promises sooner than true.
 */
const FORMATS: Record<string, (locale: Locale, value: number) => string> = {
  wait: (locale, seconds) => (seconds >= 60 ? counted(locale, 'minute', Math.ceil(seconds / 60)) : counted(locale, 'second', seconds)),
};

function counted(locale: Locale, unit: 'second' | 'minute', count: number): string {
  return translate(locale, `units.${unit}${count === 1 ? '' : 's'}`, { count });
}

/**
 * Looks up "section.key" and fills {{params}} (optionally {{param:format}}). Used by the core for
 * error messages; the renderer feeds the same trees to i18next so both speak with one voice.
 */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(locale, key) ?? key;
  return template.replace(/\{\{(\w+)(?::(\w+))?\}\}/g, (_, p: string, format: string | undefined) => {
    const value = params[p];
    if (value === undefined) return '';
    const say = format === undefined ? undefined : FORMATS[format];
    return say && typeof value === 'number' ? say(locale, value) : String(value);
  });
}
