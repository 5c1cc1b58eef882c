import { Failure } from '../platform/index.js';
import { OWNER_ONLY, type Role } from '../../shared/domain/roles.js';
import { fonnteBaseUrlRefusal } from './providers/fonnte/index.js';
import { findBrowser } from './providers/wwebjs/index.js';
import type { ResolvedWaSettings, WaSettingsPatch } from './settings-service.js';

/**
 * Settings that decide what the app runs and where the Fonnte token goes: whoever sets them can run
 * a program as the app's user or send the token to their own server without ever seeing it, so
 * only the owner may change them (an admin still saves every other field with the same form).
 */
const OWNER_ONLY_FIELDS = ['browserPath', 'fonnteBaseUrl'] as const;

/**
 * Refuses a settings change the caller may not make, or a value that must never be stored:
 * FORBIDDEN for an owner-only field changed by anyone else, VALIDATION_FAILED for a browser path
 * or Fonnte address outside the rules. Unchanged values pass (the screen sends the whole form).
 */
export function checkSettingsChange(current: ResolvedWaSettings, patch: WaSettingsPatch, role: Role): void {
  const changed = OWNER_ONLY_FIELDS.filter((field) => patch[field] !== undefined && patch[field] !== current[field]);
  if (changed.length === 0) return;
  if (!OWNER_ONLY.includes(role)) throw new Failure('FORBIDDEN', {}, Object.fromEntries(changed.map((field) => [field, 'wa.ownerOnly'])));

  // Empty means "detect": the finder then picks from its own list of install locations.
  if (changed.includes('browserPath') && patch.browserPath) {
    const browser = findBrowser({ configuredPath: patch.browserPath });
    if (!browser.ok) throw new Failure('VALIDATION_FAILED', {}, { browserPath: { key: browser.messageKey, params: browser.params } });
  }
  if (changed.includes('fonnteBaseUrl') && patch.fonnteBaseUrl !== undefined) {
    const refusal = fonnteBaseUrlRefusal(patch.fonnteBaseUrl);
    if (refusal) throw new Failure('VALIDATION_FAILED', {}, { fonnteBaseUrl: refusal });
  }
}
