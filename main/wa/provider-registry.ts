import type { Clock, Logger } from '../platform/index.js';
import type { WaProviderKey } from '../../shared/domain/wa.js';
import type { DeliveryStatus, WaProvider } from './providers/provider.js';
import { createDryRunProvider } from './providers/dry-run/index.js';
import { createFonnteProvider } from './providers/fonnte/index.js';
import { createWwebjsProvider, type WwebjsProvider } from './providers/wwebjs/index.js';
import type { WwebClientFactory } from './providers/wwebjs/index.js';
import type { BrowserLookup } from './providers/wwebjs/index.js';
import type { WaSettingsService } from './settings-service.js';

export interface ProviderRegistryOptions {
  dataDir: string;
  /** Tests pass the fake whatsapp-web.js client here; production uses the real one. */
  clientFactory?: WwebClientFactory;
  findBrowser?: (configuredPath: string | null) => BrowserLookup;
}

export interface RegistryEvents {
  onAck(tenantId: string, providerMessageId: string, status: DeliveryStatus): void;
  onSessionChange(tenantId: string): void;
}

/**
 * Builds each tenant's providers from its settings. Fonnte and dry-run are cheap and rebuilt when
 * the settings change; a whatsapp-web.js session is a browser and lives as long as the tenant uses it.
 */
export class ProviderRegistry {
  private readonly dryRun = createDryRunProvider();
  private readonly fonnte = new Map<string, WaProvider>();
  private readonly sessions = new Map<string, WwebjsProvider>();

  constructor(
    private readonly settings: WaSettingsService,
    private readonly options: ProviderRegistryOptions,
    private readonly events: RegistryEvents,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  get(tenantId: string, key: WaProviderKey): WaProvider {
    if (key === 'dry-run') return this.dryRun;
    if (key === 'wwebjs') return this.session(tenantId);
    let provider = this.fonnte.get(tenantId);
    if (!provider) {
      const s = this.settings.resolved(tenantId);
      provider = createFonnteProvider({ token: s.fonnteToken ?? '', baseUrl: s.fonnteBaseUrl });
      this.fonnte.set(tenantId, provider);
    }
    return provider;
  }

  session(tenantId: string): WwebjsProvider {
    let session = this.sessions.get(tenantId);
    if (!session) {
      session = createWwebjsProvider({
        tenantId,
        dataDir: this.options.dataDir,
        browserPath: this.settings.resolved(tenantId).browserPath || null,
        clock: this.clock,
        log: this.log,
        ...(this.options.clientFactory ? { clientFactory: this.options.clientFactory } : {}),
        ...(this.options.findBrowser ? { findBrowser: this.options.findBrowser } : {}),
      });
      session.onState(() => this.events.onSessionChange(tenantId));
      session.onAck((id, status) => this.events.onAck(tenantId, id, status));
      this.sessions.set(tenantId, session);
    }
    return session;
  }

  hasSession(tenantId: string): boolean {
    return this.sessions.has(tenantId);
  }

  /** New settings: the next send builds its provider afresh (a changed browser path restarts the session). */
  async settingsChanged(tenantId: string, browserPathChanged: boolean): Promise<void> {
    this.fonnte.delete(tenantId);
    const session = this.sessions.get(tenantId);
    if (session && browserPathChanged) {
      await session.stop();
      this.sessions.delete(tenantId);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.stop()));
    this.sessions.clear();
  }
}
