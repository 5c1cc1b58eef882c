import { JobDeferred, type Job, type ScheduleDef, type ScheduledPayload } from '../jobs/index.js';
import { DAY_MS, RETENTION, defineModule, type CoreInfra } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { ActivityThrottle } from './activity-throttle.js';
import { BROADCAST_FEED_JOB, BroadcastService } from './broadcast-service.js';
import { pruneBroadcastRecipients } from './broadcast-retention.js';
import { nextAllowedTime } from './dispatch/quiet-hours.js';
import { RateLimiter, type SendLimiter } from './dispatch/rate-limiter.js';
import { MessageStore } from './message-store.js';
import { NotificationRules, notifierSubscriber } from './notifier.js';
import { RecipientSources } from './recipient-sources.js';
import { CustomerNames } from './customer-names.js';
import { waHandlers } from './handlers.js';
import { SessionControl } from './session-control.js';
import { waFace, type WaModule } from './wa-face.js';
import { OptOuts } from './opt-outs.js';
import { Outbound } from './outbound.js';
import { Outbox } from './dispatch/outbox.js';
import { ProviderRegistry, type ProviderRegistryOptions } from './provider-registry.js';
import { createSender } from './send-handler.js';
import { WaSettingsService } from './settings-service.js';
import { WaTemplateService } from './template-service.js';

/** What the composition root may tune: the bench and the tests. */
export interface WaOptions extends Omit<ProviderRegistryOptions, 'dataDir'> {
  /** The bench swaps in a limiter without limits to measure the dispatcher alone. */
  limiter?: SendLimiter;
  /** How many messages may be in flight at once (most of them waiting for a rate-limit slot). */
  concurrency?: number;
}

/**
 * Messages in their turn at once (most wait for a rate-limit slot when the rate is low), as the
 * send job type had: each commit then carries up to this many sends' writes, and a drain of 10,000
 * took 10-15% less CPU than with 64 (bench: whatsapp.drainMs).
 */
const CONCURRENCY = 256;
/** A provider call still unanswered after this long is taken back (its own deadlines are far shorter). */
const SEND_LEASE_MS = 5 * 60_000;
const RETENTION_JOB = 'wa.retention';
const RECIPIENTS_RETENTION_JOB = 'wa.broadcast-recipients-retention';

/** Wires the WhatsApp engine: settings, templates, the durable send queue, providers, broadcast, notifier. */
function createWa(d: CoreInfra, options: WaOptions, tenants: TenantService) {
  const settings = new WaSettingsService(d.db, d.clock, d.ids, d.secrets);
  const templates = new WaTemplateService(d.db, d.clock, d.ids, tenants);
  const messages = new MessageStore(d.db, d.clock, d.writes);
  const optOuts = new OptOuts(d.db, d.clock, d.ids);
  const activity = new ActivityThrottle(250, (tenantId, broadcastId) => d.bus.announce('wa_activity', tenantId, { broadcastId }));
  const { limiter, concurrency, ...providerOptions } = options;
  const providers = new ProviderRegistry(
    settings,
    { ...providerOptions, dataDir: d.dataDir },
    {
      onAck: (_tenantId, providerMessageId, status) => {
        const id = messages.applyAck(providerMessageId, status);
        const row = id ? messages.get(id) : null;
        if (row) activity.touch(row.tenant_id, row.broadcast_id);
      },
      onSessionChange: (tenantId) => d.bus.announce('wa_session_changed', tenantId, {}),
    },
    d.clock,
    d.log,
  );
  const outbound = new Outbound(d.db, messages, templates, settings, optOuts, d.ids, d.clock, () => d.jobs.kick());
  const recipients = new RecipientSources();
  const names = new CustomerNames();
  const notifications = new NotificationRules();
  const quietUntil = (tenantId: string) => {
    const now = d.clock.now();
    const allowed = nextAllowedTime(now, tenants.zone(tenantId), settings.resolved(tenantId).quietHours);
    return allowed > now ? allowed : null;
  };
  const broadcasts = new BroadcastService(d.db, d.clock, d.ids, outbound, messages, d.jobs, recipients, templates, (t) => tenants.name(t), quietUntil);
  const session = new SessionControl(settings, providers, (tenantId) => {
    if (messages.releaseWaiting(tenantId)) d.jobs.kick();
    activity.touch(tenantId, null);
  });

  const outbox = new Outbox(
    {
      messages,
      writes: d.writes,
      send: createSender({
        messages,
        settings,
        providers,
        optOuts,
        limiter: limiter ?? new RateLimiter(),
        tenants,
        clock: d.clock,
        activity: (t, b) => activity.touch(t, b),
        paused: (tenantId, code) => {
          d.log.warn('WhatsApp queue paused: every message would be refused', { tenantId, code });
          d.bus.announce('wa_session_changed', tenantId, {});
        },
      }),
      clock: d.clock,
      log: d.log,
      activity: (t, b) => activity.touch(t, b),
    },
    { concurrency: concurrency ?? CONCURRENCY, leaseMs: SEND_LEASE_MS },
  );
  const feedJob = {
    type: BROADCAST_FEED_JOB,
    handler: async (job: Job) => {
      const { broadcastId } = job.payload as { broadcastId: string };
      const next = broadcasts.feed(broadcastId);
      if (next !== null) throw new JobDeferred(next, 'next chunk after the previous one has gone out');
    },
    // A feeder step is one transaction and its messages have idempotency keys: safe to repeat.
    options: { concurrency: 2, onInterrupted: 'retry' as const },
  };
  const retentionJob = {
    type: RETENTION_JOB,
    handler: async (job: Job) => {
      const { tenantId } = job.payload as ScheduledPayload;
      if (tenantId) return { purged: messages.purge(tenantId, settings.resolved(tenantId).retentionDays) };
    },
    options: { onInterrupted: 'retry' as const },
  };
  const recipientsRetentionJob = {
    type: RECIPIENTS_RETENTION_JOB,
    handler: async () => ({ cleared: pruneBroadcastRecipients(d.db, d.clock.now() - RETENTION.broadcastRecipientsDays * DAY_MS) }),
    options: { onInterrupted: 'retry' as const },
  };

  const schedules: ScheduleDef[] = [
    // Each tenant's message log, by its own retention setting, at night in its own zone.
    { name: RETENTION_JOB, recurrence: { kind: 'daily', at: '02:30' }, perTenant: true, jobType: RETENTION_JOB },
    { name: RECIPIENTS_RETENTION_JOB, recurrence: { kind: 'daily', at: '03:10' }, perTenant: false, jobType: RECIPIENTS_RETENTION_JOB },
  ];

  const wa: WaModule = waFace(d, tenants, { settings, templates, messages, optOuts, outbound, outbox, broadcasts, providers, session, notifications, recipients, names });

  return {
    services: { wa },
    handlers: waHandlers(wa),
    jobTypes: [feedJob, retentionJob, recipientsRetentionJob],
    lanes: [outbox],
    subscribers: [notifierSubscriber({ rules: notifications, outbound, settings, tenants, log: d.log })],
    schedules,
    start() {
      // A tenant on whatsapp-web.js reconnects its stored session when the app starts.
      const tenantId = tenants.primaryId();
      if (tenantId && settings.resolved(tenantId).provider === 'wwebjs') void providers.session(tenantId).start();
    },
    async close() {
      activity.close();
      await providers.close();
    },
  };
}

/**
 * WhatsApp: a leaf among the feature modules. It imports none of them but the template language it
 * renders with; the modules that publish events or know people fill its ports.
 */
export const waModule = (options: WaOptions = {}) =>
  defineModule({
    name: 'wa',
    tables: ['wa_settings', 'wa_templates', 'wa_messages', 'wa_send_queue', 'wa_opt_outs', 'wa_broadcasts', 'wa_broadcast_progress'],
    create: (infra, needs: { tenants: TenantService }) => createWa(infra, options, needs.tenants),
  });
