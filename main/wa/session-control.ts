import { Failure } from '../platform/index.js';
import type { Locale } from '../../shared/domain/user.js';
import { hasTranslation, translate } from '../../shared/i18n/index.js';
import type { ProviderRegistry } from './provider-registry.js';
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
      return { ...base, state: status.state, detail: status.detail, qr: status.qr };
    }
    const status = await this.providers.session(tenantId).status();
    // Known states explain themselves in the user's language; an unknown whatsapp-web.js reason shows as it came.
    const detail = status.problem
      ? translate(locale, status.problem.messageKey, status.problem.params)
      : status.detail && hasTranslation(`waWwebjs.${status.detail}`)
        ? translate(locale, `waWwebjs.${status.detail}`)
        : status.detail;
    return { ...base, state: status.state, detail, qr: status.qr };
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

  /** Saves the settings, then rebuilds the providers they feed (a new browser path restarts the session). */
  async update(tenantId: string, input: WaSettingsPatch) {
    const before = this.settings.resolved(tenantId);
    const view = this.settings.update(tenantId, input);
    await this.providers.settingsChanged(tenantId, input.browserPath !== undefined && input.browserPath !== before.browserPath);
    this.release(tenantId);
    return view;
  }
}
