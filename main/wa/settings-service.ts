import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { isoAt } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import type { WaEventKey, WaProviderKey, WaSettings } from '../../shared/domain/wa.js';
import { FONNTE_BASE_URL } from './providers/fonnte/index.js';
import { DEFAULT_TENANT_RATE } from './dispatch/rate-limiter.js';
import type { QuietHours } from './dispatch/quiet-hours.js';

interface SettingsRow {
  provider: WaProviderKey;
  credentials: string | null;
  fallback_provider: WaProviderKey | null;
  sender_number: string;
  enabled_events: string;
  rate_per_second: number;
  per_recipient_per_hour: number;
  quiet_start: string | null;
  quiet_end: string | null;
  admin_recipients: string;
  browser_path: string;
  max_length: number;
  retention_days: number;
  suspended: number;
}

interface Credentials {
  fonnteToken: string | null;
  fonnteBaseUrl: string;
}

/** What the dispatcher needs, secrets opened: never leaves the core. */
export interface ResolvedWaSettings extends Omit<WaSettings, 'hasFonnteToken'> {
  fonnteToken: string | null;
  quietHours: QuietHours | null;
}

export type WaSettingsPatch = Partial<{
  provider: WaProviderKey;
  fallbackProvider: WaProviderKey | null;
  fonnteToken: string | null;
  fonnteBaseUrl: string;
  senderNumber: string;
  enabledEvents: WaEventKey[];
  ratePerSecond: number;
  perRecipientPerHour: number;
  quietHours: QuietHours | null;
  adminRecipients: string[];
  browserPath: string;
  maxLength: number;
  retentionDays: number;
}>;

/** Events a new tenant gets messages for before anyone opens the settings. */
const DEFAULT_EVENTS: WaEventKey[] = [
  'invoice_created',
  'invoice_due_reminder',
  'invoice_overdue',
  'invoice_paid',
  'customer_isolated',
  'customer_reconnected',
  'outage_started',
  'outage_resolved',
  'technician_assigned',
  'technician_escalated',
];

/**
 * The tenant's WhatsApp settings (seed 000 wa_settings). Credentials are sealed at rest and never
 * returned to the renderer; a tenant without a row gets the defaults (dry-run: nothing is sent until
 * the ISP picks a real provider).
 */
export class WaSettingsService {
  private readonly cache = new Map<string, ResolvedWaSettings>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: SecretBox,
  ) {}

  view(tenantId: string): WaSettings {
    const { fonnteToken, ...rest } = this.resolved(tenantId);
    return { ...rest, hasFonnteToken: fonnteToken !== null };
  }

  /** Cached: the dispatcher reads this for every message. */
  resolved(tenantId: string): ResolvedWaSettings {
    const hit = this.cache.get(tenantId);
    if (hit) return hit;
    const row = this.db.prepare('SELECT * FROM wa_settings WHERE tenant_id = ?').get(tenantId) as SettingsRow | undefined;
    const settings = row ? this.fromRow(row) : DEFAULTS;
    this.cache.set(tenantId, settings);
    return settings;
  }

  update(tenantId: string, patch: WaSettingsPatch): WaSettings {
    const current = this.resolved(tenantId);
    const next: ResolvedWaSettings = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    // The token goes with every request to the base URL: a new address never inherits the stored
    // token (that would hand it to whoever runs the new server), it needs one given with it.
    if (next.fonnteBaseUrl !== current.fonnteBaseUrl && patch.fonnteToken === undefined) next.fonnteToken = null;
    const credentials: Credentials = { fonnteToken: next.fonnteToken, fonnteBaseUrl: next.fonnteBaseUrl };
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO wa_settings (id, tenant_id, provider, credentials, fallback_provider, sender_number, enabled_events,
          rate_per_second, per_recipient_per_hour, quiet_start, quiet_end, admin_recipients, browser_path, max_length,
          retention_days, suspended, created_at, updated_at)
        VALUES (@id, @tenantId, @provider, @credentials, @fallback, @sender, @events, @rate, @perRecipient, @quietStart, @quietEnd,
          @admins, @browser, @maxLength, @retention, @suspended, @now, @now)
        ON CONFLICT (tenant_id) DO UPDATE SET provider = excluded.provider, credentials = excluded.credentials,
          fallback_provider = excluded.fallback_provider, sender_number = excluded.sender_number, enabled_events = excluded.enabled_events,
          rate_per_second = excluded.rate_per_second, per_recipient_per_hour = excluded.per_recipient_per_hour,
          quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, admin_recipients = excluded.admin_recipients,
          browser_path = excluded.browser_path, max_length = excluded.max_length, retention_days = excluded.retention_days,
          updated_at = excluded.updated_at`)
      .run({
        id: this.ids.next(),
        tenantId,
        provider: next.provider,
        credentials: this.secrets.seal(JSON.stringify(credentials)),
        fallback: next.fallbackProvider === next.provider ? null : next.fallbackProvider,
        sender: next.senderNumber,
        events: JSON.stringify(next.enabledEvents),
        rate: next.ratePerSecond,
        perRecipient: next.perRecipientPerHour,
        quietStart: next.quietHours?.start ?? null,
        quietEnd: next.quietHours?.end ?? null,
        admins: JSON.stringify(next.adminRecipients),
        browser: next.browserPath,
        maxLength: next.maxLength,
        retention: next.retentionDays,
        suspended: Number(next.suspended),
        now,
      });
    this.cache.delete(tenantId);
    return this.view(tenantId);
  }

  /** RRNet's super-admin stops a tenant's sending on abuse (arrives through sync); queued messages wait. */
  setSuspended(tenantId: string, suspended: boolean): void {
    // The row may not exist yet (a tenant still on defaults): write it first, then flip the flag.
    this.update(tenantId, {});
    this.db.prepare('UPDATE wa_settings SET suspended = ?, updated_at = ? WHERE tenant_id = ?').run(Number(suspended), isoAt(this.clock), tenantId);
    this.cache.delete(tenantId);
  }

  private fromRow(row: SettingsRow): ResolvedWaSettings {
    const credentials = row.credentials
      ? (JSON.parse(this.secrets.open(row.credentials)) as Credentials)
      : { fonnteToken: null, fonnteBaseUrl: FONNTE_BASE_URL };
    return {
      provider: row.provider,
      fallbackProvider: row.fallback_provider,
      fonnteToken: credentials.fonnteToken,
      fonnteBaseUrl: credentials.fonnteBaseUrl,
      senderNumber: row.sender_number,
      enabledEvents: JSON.parse(row.enabled_events) as WaEventKey[],
      ratePerSecond: row.rate_per_second,
      perRecipientPerHour: row.per_recipient_per_hour,
      quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
      adminRecipients: JSON.parse(row.admin_recipients) as string[],
      browserPath: row.browser_path,
      maxLength: row.max_length,
      retentionDays: row.retention_days,
      suspended: row.suspended === 1,
    };
  }
}

const DEFAULTS: ResolvedWaSettings = {
  provider: 'dry-run',
  fallbackProvider: null,
  fonnteToken: null,
  fonnteBaseUrl: FONNTE_BASE_URL,
  senderNumber: '',
  enabledEvents: DEFAULT_EVENTS,
  ratePerSecond: DEFAULT_TENANT_RATE,
  perRecipientPerHour: 10,
  quietHours: { start: '21:00', end: '07:00' },
  adminRecipients: [],
  browserPath: '',
  maxLength: 1000,
  retentionDays: 365,
  suspended: false,
};
