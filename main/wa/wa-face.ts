import type { CoreInfra } from '../module-kit/index.js';
import { conflict, notFound } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { BroadcastService } from './broadcast-service.js';
import { toMessageView, type LogQuery, type MessageStore } from './message-store.js';
import { waMetrics } from './metrics.js';
import type { NotificationRules } from './notifier.js';
import type { OptOuts } from './opt-outs.js';
import type { Outbound } from './outbound.js';
import type { Outbox } from './dispatch/outbox.js';
import type { ProviderRegistry } from './provider-registry.js';
import type { RecipientSources } from './recipient-sources.js';
import type { CustomerNames } from './customer-names.js';
import { WA_MAYBE_SENT_CODES, type WaMessageCode } from '../../shared/domain/wa.js';
import type { SessionControl } from './session-control.js';
import type { WaSettingsService } from './settings-service.js';
import type { WaTemplateService } from './template-service.js';

export interface WaParts {
  settings: WaSettingsService;
  templates: WaTemplateService;
  messages: MessageStore;
  optOuts: OptOuts;
  outbound: Outbound;
  outbox: Outbox;
  broadcasts: BroadcastService;
  providers: ProviderRegistry;
  session: SessionControl;
  /** Filled by the modules that publish events (customers, billing ...). */
  notifications: NotificationRules;
  /** Filled by the modules that know the people a broadcast filter selects (customers, maps). */
  recipients: RecipientSources;
  /** Filled by customers: whose message a failure is. */
  names: CustomerNames;
}

/** What the core sees of WhatsApp (`core.services.wa`): its parts and the few operations that span them. */
export function waFace(d: CoreInfra, tenants: TenantService, parts: WaParts) {
  const { settings, messages, outbound } = parts;

  /** A failed message back to the queue with fresh tries, due now; false when it is not failed (any more). */
  function requeue(tenantId: string, messageId: string): boolean {
    const row = messages.get(messageId);
    if (!row || row.tenant_id !== tenantId) throw notFound();
    if (!messages.requeue(messageId)) return false;
    d.jobs.kick();
    return true;
  }

  return {
    ...parts,
    metrics: (tenantId: string) => waMetrics(d.db, d.clock, tenantId),
    logs(tenantId: string, query: LogQuery) {
      const page = messages.list(tenantId, query);
      return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
    },
    /** Failed messages a page at a time, each with its customer's name; a maybe-sent one with the number to check. */
    failures(tenantId: string, page: { cursor: string | null; limit: number }) {
      const { items, nextCursor } = messages.failures(tenantId, page);
      const names = parts.names.of(tenantId, [...new Set(items.filter((r) => r.entity_type === 'customer' && r.entity_id).map((r) => r.entity_id as string))]);
      return {
        items: items.map((r) => ({
          ...toMessageView(r),
          customerName: (r.entity_type === 'customer' && r.entity_id ? names.get(r.entity_id) : undefined) ?? null,
          phone: r.error_code && WA_MAYBE_SENT_CODES.includes(r.error_code as WaMessageCode) ? r.to_number : null,
        })),
        nextCursor,
      };
    },
    /** The failures page's "retry all": each one as its own retry would; maybe-sent ones wait for a person. */
    retryAllFailed(tenantId: string) {
      const failed = messages.failedIds(tenantId);
      const needsCheck = failed.filter((m) => m.error_code && WA_MAYBE_SENT_CODES.includes(m.error_code as WaMessageCode));
      const retried = d.db.transaction(() => failed.filter((m) => !needsCheck.includes(m) && requeue(tenantId, m.id)).length)();
      return { retried, needsCheck: needsCheck.length };
    },
    /** The settings page's test message: every press is its own trigger, so its own key. */
    sendTest(tenantId: string, to: string): string {
      const pressId = d.ids.next();
      return outbound.queue(tenantId, {
        event: 'test',
        templateKey: 'test_message',
        to,
        variables: { isp_name: tenants.name(tenantId), sent_at: new Date(d.clock.now()).toISOString() },
        entityType: 'test',
        entityId: pressId,
        // The operator pressed "send a test" and watches for it: it never waits for the morning.
        quietHours: false,
      }).messageId;
    },
    /** RRNet's suspension (from sync): screens show the banner at once. */
    setSuspended(tenantId: string, suspended: boolean): void {
      settings.setSuspended(tenantId, suspended);
      d.bus.announce('wa_session_changed', tenantId, {});
    },
    /** The failures page's retry: the message goes back to the queue with fresh attempts. */
    retryFailed(tenantId: string, messageId: string) {
      if (!requeue(tenantId, messageId)) throw conflict('messageId', 'validation.invalid');
      const updated = messages.get(messageId);
      if (!updated) throw notFound();
      return toMessageView(updated);
    },
  };
}

export type WaModule = ReturnType<typeof waFace>;
/** What a module that publishes events or knows people uses of wa: the two ports it fills. */
export type WaNotifications = Pick<WaModule, 'notifications' | 'recipients' | 'names'>;
