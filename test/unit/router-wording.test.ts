import { describe, expect, it } from 'vitest';
import { ROUTER_ERROR_CODES, RouterError } from '../../main/network/adapters/routeros/index.js';
import { coreMessages } from '../../shared/i18n/index.js';
import { ROUTER_PROBE_CODES } from '../../shared/domain/router.js';
import { ISOLIR_ERROR_CODES } from '../../shared/domain/isolir.js';
import { en as screensEn } from '../../renderer/src/i18n/en.js';
import { id as screensId } from '../../renderer/src/i18n/id.js';

/**
 * A RouterOS failure reads the same wherever the office meets it ("Tes koneksi", a customer's isolir
 * history, the Isolir screen): one text per code, in shared/i18n `routeros.*`, and no second copy.
 */
describe('one wording per RouterOS failure', () => {
  it('has a text for every code in both languages, under the key RouterError names', () => {
    expect([...ROUTER_PROBE_CODES].sort()).toEqual([...ROUTER_ERROR_CODES].sort());
    for (const locale of ['id', 'en'] as const) {
      const texts = coreMessages[locale].routeros as Record<string, string>;
      for (const code of ROUTER_ERROR_CODES) {
        expect(new RouterError(code, '').messageKey).toBe(`routeros.${code}`);
        expect(texts[code], `${locale} routeros.${code}`).toMatch(/\S/);
      }
    }
  });

  it('keeps no second copy: no routerProbe texts, and the Isolir screen has none of its own for these codes', () => {
    for (const locale of ['id', 'en'] as const) expect(Object.keys(coreMessages[locale])).not.toContain('routerProbe');
    for (const screens of [screensId, screensEn]) {
      const own = Object.keys(screens.isolir).filter((key) => key.startsWith('error_'));
      expect(own.filter((key) => (ROUTER_ERROR_CODES as readonly string[]).includes(key.slice('error_'.length)))).toEqual([]);
      // Every other isolir failure still has its words on the screen.
      const others = ISOLIR_ERROR_CODES.filter((code) => !(ROUTER_ERROR_CODES as readonly string[]).includes(code));
      for (const code of others) expect(own).toContain(`error_${code}`);
    }
  });
});
