import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { isoAt } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import { DEFAULT_NIGHT_EVENTS, DEFAULT_SEND_GAP, type SendGap, type WaEventKey, type WaFallbackKey, type WaProviderKey, type WaSettings } from '../../shared/domain/wa.js';
import { FONNTE_BASE_URL } from './providers/fonnte/index.js';
import { DEFAULT_TENANT_RATE } from './dispatch/rate-limiter.js';
import type { QuietHours } from './dispatch/quiet-hours.js';

interface SettingsRow {
  provider: WaProviderKey;
  credentials: string | null;
  /** Never 'dry-run' since migration 017. */
  fallback_provider: WaFallbackKey | null;
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
  night_events: string;
  send_gap_min_ms: number | null;
  send_gap_max_ms: number | null;
  paused_code: string | null;
  paused_at: number | null;
}

interface Credentials {
  fonnteToken: string | null;
  fonnteBaseUrl: string;
}

/** What the dispatcher needs, secrets opened: never leaves the core. */
export interface ResolvedWaSettings extends Omit<WaSettings, 'hasFonnteToken' | 'paused' | 'sendGap' | 'sendGapCustom'> {
  fonnteToken: string | null;
  quietHours: QuietHours | null;
  /** The tenant's own pause between messages; null: the provider's default (see sendGapOf). */
  customGap: SendGap | null;
  paused: { code: string; at: number } | null;
}

/** The pause in force for a provider: the tenant's choice, else the provider's default. */
export function sendGapOf(settings: Pick<ResolvedWaSettings, 'customGap'>, provider: WaProviderKey): SendGap | null {
  const gap = settings.customGap ?? DEFAULT_SEND_GAP[provider];
  // 0 to 0 is the tenant saying "no pause": only the rate per second paces.
  return gap && gap.maxSeconds > 0 ? gap : null;
}

export type WaSettingsPatch = Partial<{
  provider: WaProviderKey;
  fallbackProvider: WaFallbackKey | null;
  fonnteToken: string | null;
  fonnteBaseUrl: string;
  senderNumber: string;
  enabledEvents: WaEventKey[];
  ratePerSecond: number;
  perRecipientPerHour: number;
  quietHours: QuietHours | null;
  nightEvents: WaEventKey[];
  sendGap: SendGap | null;
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
  'payment_recorded',
  'customer_isolated',
  'customer_reconnected',
  'payment_promise_made',
  'payment_promise_broken',
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
    const { fonnteToken, customGap, paused, ...rest } = this.resolved(tenantId);
    return {
      ...rest,
      hasFonnteToken: fonnteToken !== null,
      sendGap: sendGapOf({ customGap }, rest.provider),
      sendGapCustom: customGap !== null,
      paused: paused ? { code: paused.code, since: new Date(paused.at).toISOString() } : null,
    };
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
    const { sendGap, ...rest } = patch;
    const next: ResolvedWaSettings = {
      ...current,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(sendGap !== undefined ? { customGap: sendGap } : {}),
    };
    // The token goes with every request to the base URL: a new address never inherits the stored
    // token (that would hand it to whoever runs the new server), it needs one given with it.
    if (next.fonnteBaseUrl !== current.fonnteBaseUrl && patch.fonnteToken === undefined) next.fonnteToken = null;
    // Any change of the settings is a person's answer to a pause (a new token, another provider): the queue goes on.
    next.paused = null;
    const credentials: Credentials = { fonnteToken: next.fonnteToken, fonnteBaseUrl: next.fonnteBaseUrl };
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO wa_settings (id, tenant_id, provider, credentials, fallback_provider, sender_number, enabled_events,
          rate_per_second, per_recipient_per_hour, quiet_start, quiet_end, admin_recipients, browser_path, max_length,
          retention_days, suspended, night_events, send_gap_min_ms, send_gap_max_ms, paused_code, paused_at, created_at, updated_at)
        VALUES (@id, @tenantId, @provider, @credentials, @fallback, @sender, @events, @rate, @perRecipient, @quietStart, @quietEnd,
          @admins, @browser, @maxLength, @retention, @suspended, @nightEvents, @gapMin, @gapMax, NULL, NULL, @now, @now)
        ON CONFLICT (tenant_id) DO UPDATE SET provider = excluded.provider, credentials = excluded.credentials,
          fallback_provider = excluded.fallback_provider, sender_number = excluded.sender_number, enabled_events = excluded.enabled_events,
          rate_per_second = excluded.rate_per_second, per_recipient_per_hour = excluded.per_recipient_per_hour,
          quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, admin_recipients = excluded.admin_recipients,
          browser_path = excluded.browser_path, max_length = excluded.max_length, retention_days = excluded.retention_days,
          night_events = excluded.night_events, send_gap_min_ms = excluded.send_gap_min_ms, send_gap_max_ms = excluded.send_gap_max_ms,
          paused_code = NULL, paused_at = NULL, updated_at = excluded.updated_at`)
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
        nightEvents: JSON.stringify(next.nightEvents),
        gapMin: next.customGap ? next.customGap.minSeconds * 1000 : null,
        gapMax: next.customGap ? next.customGap.maxSeconds * 1000 : null,
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

  /**
   * Stops the tenant's queue: every message would meet the same refusal (a bad token). Returns
   * true when this call paused it, so the alert is raised once, not once per message.
   */
  pause(tenantId: string, code: string): boolean {
    // A tenant still on defaults has no row to hold the pause yet (an update would lift a pause, so only then).
    if (!this.db.prepare('SELECT 1 FROM wa_settings WHERE tenant_id = ?').get(tenantId)) this.update(tenantId, {});
    const changed = this.db
      .prepare('UPDATE wa_settings SET paused_code = ?, paused_at = ?, updated_at = ? WHERE tenant_id = ? AND paused_code IS NULL')
      .run(code, this.clock.now(), isoAt(this.clock), tenantId).changes;
    this.cache.delete(tenantId);
    return changed === 1;
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
      nightEvents: JSON.parse(row.night_events) as WaEventKey[],
      customGap:
        row.send_gap_min_ms !== null && row.send_gap_max_ms !== null
          ? { minSeconds: row.send_gap_min_ms / 1000, maxSeconds: row.send_gap_max_ms / 1000 }
          : null,
      paused: row.paused_code !== null && row.paused_at !== null ? { code: row.paused_code, at: row.paused_at } : null,
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
  nightEvents: [...DEFAULT_NIGHT_EVENTS],
  customGap: null,
  paused: null,
  adminRecipients: [],
  browserPath: '',
  maxLength: 1000,
  retentionDays: 365,
  suspended: false,
};
