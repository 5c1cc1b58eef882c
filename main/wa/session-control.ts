import { Failure } from '../platform/index.js';
import type { Role } from '../../shared/domain/roles.js';
import type { Locale } from '../../shared/domain/user.js';
import { hasTranslation, translate } from '../../shared/i18n/index.js';
import type { ProviderRegistry } from './provider-registry.js';
import { checkSettingsChange } from './settings-guard.js';
import { problemKey } from './connection-problem.js';
import type { WaProviderKey } from '../../shared/domain/wa.js';
import type { WaSettingsPatch, WaSettingsService } from './settings-service.js';

/**
 * What the settings screen drives: the provider's connection as the operator sees it, and the
 * settings changes that must reach the running providers.
 */
export class SessionControl {
  constructor(
    private readonly settings: WaSettingsService,
    private readonly providers: ProviderRegistry,
    /** After a save: messages held by the old settings are decided again (see MessageStore.releaseWaiting). */
    private readonly release: (tenantId: string) => void,
  ) {}

  async view(tenantId: string, locale: Locale) {
    const settings = this.settings.resolved(tenantId);
    const base = { provider: settings.provider, suspended: settings.suspended, paused: this.settings.view(tenantId).paused };
    if (settings.provider !== 'wwebjs') {
      const status = await this.providers.get(tenantId, settings.provider).status();
      return { ...base, state: status.state, ...explained(settings.provider, status.state, status.detail, locale), qr: status.qr };
    }
    const status = await this.providers.session(tenantId).status();
    // The provider's own reasons explain themselves in the user's language; anything else is
    // explained by what it means for the office, its raw words kept as the technical detail.
    if (status.problem) return { ...base, state: status.state, detail: translate(locale, status.problem.messageKey, status.problem.params), technical: null, qr: status.qr };
    if (status.detail && hasTranslation(`waWwebjs.${status.detail}`)) {
      return { ...base, state: status.state, detail: translate(locale, `waWwebjs.${status.detail}`), technical: status.detail, qr: status.qr };
    }
    return { ...base, state: status.state, ...explained('wwebjs', status.state, status.detail, locale), qr: status.qr };
  }

  async start(tenantId: string, locale: Locale) {
    if (this.settings.resolved(tenantId).provider !== 'wwebjs') throw new Failure('VALIDATION_FAILED', {}, { provider: 'wa.notWwebjs' });
    await this.providers.session(tenantId).start();
    return this.view(tenantId, locale);
  }

  async logout(tenantId: string, locale: Locale) {
    if (this.providers.hasSession(tenantId)) await this.providers.session(tenantId).logout();
    return this.view(tenantId, locale);
  }

  /**
   * Saves the settings the caller's role may change, then rebuilds the providers they feed (a new
   * browser path restarts the session).
   */
  async update(tenantId: string, input: WaSettingsPatch, role: Role) {
    const before = this.settings.resolved(tenantId);
    checkSettingsChange(before, input, role);
    const view = this.settings.update(tenantId, input);
    await this.providers.settingsChanged(tenantId, input.browserPath !== undefined && input.browserPath !== before.browserPath);
    this.release(tenantId);
    return view;
  }
}

/** A raw detail as the office reads it: plain words with the right advice, the raw words kept for support. */
function explained(provider: WaProviderKey, state: string, raw: string | null, locale: Locale): { detail: string | null; technical: string | null } {
  if (!raw) return { detail: null, technical: null };
  const key = problemKey(provider, state, raw);
  return key ? { detail: translate(locale, key), technical: raw } : { detail: raw, technical: null };
}
