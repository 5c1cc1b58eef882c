import { describe, expect, it } from 'vitest';
import { coreMessages, translate } from '../../shared/i18n/index.js';
import { ERROR_CODES } from '../../shared/contract/errors.js';
import { LOCALES } from '../../shared/domain/user.js';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));

describe('translate', () => {
  it('speaks Bahasa Indonesia and English', () => {
    expect(translate('id', 'errors.NOT_FOUND')).toBe('Data tidak ditemukan.');
    expect(translate('en', 'errors.NOT_FOUND')).not.toBe(translate('id', 'errors.NOT_FOUND'));
  });

  it('fills parameters', () => {
    expect(translate('id', 'errors.LIMIT_EXCEEDED', { used: 300, limit: 300 })).toContain('300 dari 300');
    expect(translate('en', 'errors.TOO_MANY_ATTEMPTS', { seconds: 30 })).toContain('30');
  });

  it('says a sign-in wait of a minute or more in minutes, shorter ones in seconds', () => {
    expect(translate('id', 'errors.TOO_MANY_ATTEMPTS', { seconds: 900 })).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.');
    expect(translate('en', 'errors.TOO_MANY_ATTEMPTS', { seconds: 900 })).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(translate('id', 'errors.TOO_MANY_ATTEMPTS', { seconds: 30 })).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 30 detik.');
    expect(translate('en', 'errors.TOO_MANY_ATTEMPTS', { seconds: 60 })).toContain('in 1 minute.');
    expect(translate('en', 'errors.TOO_MANY_ATTEMPTS', { seconds: 1 })).toContain('in 1 second.');
    // Rounded up: never "1 minute" for a wait of 61 seconds.
    expect(translate('id', 'errors.TOO_MANY_ATTEMPTS', { seconds: 61 })).toContain('2 menit');
  });

  it('leaves no placeholder when a parameter is missing', () => {
    expect(translate('id', 'errors.TOO_MANY_ATTEMPTS')).not.toMatch(/\{\{|\}\}/);
  });

  it('falls back to the key for an unknown key', () => {
    expect(translate('en', 'errors.NO_SUCH_CODE')).toBe('errors.NO_SUCH_CODE');
    expect(translate('id', 'nosection')).toBe('nosection');
  });

  it('has a message for every error code in every language', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        const message = translate(locale, `errors.${code}`);
        expect(message, `${locale} errors.${code}`).not.toBe(`errors.${code}`);
        expect(message.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('English has exactly the keys of Bahasa Indonesia, none empty', () => {
    const idKeys = leaves(coreMessages.id as unknown as Tree).sort();
    expect(leaves(coreMessages.en as unknown as Tree).sort()).toEqual(idKeys);
    for (const key of idKeys) expect(translate('en', key).trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+(?::\w+)?)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leaves(coreMessages.id as unknown as Tree)) {
      expect(placeholders(translate('en', key)), key).toEqual(placeholders(translate('id', key)));
    }
  });
});
