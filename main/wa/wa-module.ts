import { DEFAULT_BACKOFF, JobDeferred, type Job } from '../jobs/index.js';
import { conflict, notFound } from '../platform/index.js';
import { defineModule, type CoreInfra } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { ActivityThrottle } from './activity-throttle.js';
import { BROADCAST_FEED_JOB, BroadcastService } from './broadcast-service.js';
import { RateLimiter, type SendLimiter } from './dispatch/rate-limiter.js';
import { MessageStore, toMessageView, type LogQuery } from './message-store.js';
import { waMetrics } from './metrics.js';
import { NotificationRules, notifierSubscriber } from './notifier.js';
import { RecipientSources } from './recipient-sources.js';
import { waHandlers } from './handlers.js';
import { SessionControl } from './session-control.js';
import { OptOuts } from './opt-outs.js';
import { Outbound, WA_SEND_JOB } from './outbound.js';
import { ProviderRegistry, type ProviderRegistryOptions } from './provider-registry.js';
import { createSendHandler, interruptedSend } from './send-handler.js';
import { WaSettingsService } from './settings-service.js';
import { WaTemplateService } from './template-service.js';

/** What the composition root may tune: the bench and the tests. */
export interface WaOptions extends Omit<ProviderRegistryOptions, 'dataDir'> {
  /** The bench swaps in a limiter without limits to measure the dispatcher alone. */
  limiter?: SendLimiter;
  /** How many messages may be in flight at once (most of them waiting for a rate-limit slot). */
  concurrency?: number;
}

export type WaModule = ReturnType<typeof waFace>;
/** What a module that publishes events or knows people uses of wa: the two ports it fills. */
export type WaNotifications = Pick<WaModule, 'notifications' | 'recipients'>;

/** Seed 000's retry policy: 3 attempts, backoff from 2 s up to 60 s. */
const MAX_ATTEMPTS = 3;
const RETENTION_EVERY_MS = 24 * 60 * 60_000;

interface WaParts {
  settings: WaSettingsService;
  templates: WaTemplateService;
  messages: MessageStore;
  optOuts: OptOuts;
  outbound: Outbound;
  broadcasts: BroadcastService;
  providers: ProviderRegistry;
  session: SessionControl;
  /** Filled by the modules that publish events (customers, billing ...). */
  notifications: NotificationRules;
  /** Filled by the modules that know the people a broadcast filter selects (customers, maps). */
  recipients: RecipientSources;
}

/** What the core sees of WhatsApp (`core.services.wa`): its parts and the few operations that span them. */
function waFace(d: CoreInfra, tenants: TenantService, parts: WaParts) {
  const { settings, messages, outbound } = parts;
  return {
    ...parts,
    metrics: (tenantId: string) => waMetrics(d.db, d.clock, tenantId),
    logs(tenantId: string, query: LogQuery) {
      const page = messages.list(tenantId, query);
      return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
    },
    failures: (tenantId: string) => messages.failures(tenantId).map(toMessageView),
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
      }).messageId;
    },
    /** RRNet's suspension (from sync): screens show the banner at once. */
    setSuspended(tenantId: string, suspended: boolean): void {
      settings.setSuspended(tenantId, suspended);
      d.bus.announce('wa_session_changed', tenantId, {});
    },
    /** The failures page's retry: the message goes back to the queue with fresh attempts. */
    retryFailed(tenantId: string, messageId: string) {
      const row = messages.get(messageId);
      if (!row || row.tenant_id !== tenantId) throw notFound();
      const jobId = row.job_id;
      if (row.status !== 'failed' || !jobId) throw conflict('messageId', 'validation.invalid');
      const requeued = d.db.transaction(() => {
        if (!messages.requeue(messageId)) return false;
        // A dead job gets fresh attempts; one that finished (the provider reported the failure
        // after accepting the message) gets a successor, keyed by the send it follows.
        if (!d.jobs.retry(jobId)) {
          const job = d.jobs.enqueue({ type: WA_SEND_JOB, tenantId, payload: { messageId }, key: `wa:${messageId}:after-${row.attempts}` });
          messages.attachJob(messageId, job.id);
        }
        return true;
      })();
      if (!requeued) throw conflict('messageId', 'validation.invalid');
      const updated = messages.get(messageId);
      if (!updated) throw notFound();
      return toMessageView(updated);
    },
  };
}

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
  const outbound = new Outbound(d.db, d.jobs, messages, templates, settings, optOuts, d.ids);
  const recipients = new RecipientSources();
  const notifications = new NotificationRules();
  const broadcasts = new BroadcastService(d.db, d.clock, d.ids, outbound, d.jobs, recipients, (t) => tenants.name(t));
  const session = new SessionControl(settings, providers);

  const sendJob = {
    type: WA_SEND_JOB,
    handler: createSendHandler({
      messages,
      settings,
      providers,
      optOuts,
      limiter: limiter ?? new RateLimiter(),
      tenants,
      clock: d.clock,
      activity: (t, b) => activity.touch(t, b),
    }),
    options: { concurrency: concurrency ?? 256, maxAttempts: MAX_ATTEMPTS, backoff: DEFAULT_BACKOFF, onInterrupted: interruptedSend(messages) },
  };
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
  let purgeTimer: NodeJS.Timeout | null = null;

  const wa: WaModule = waFace(d, tenants, { settings, templates, messages, optOuts, outbound, broadcasts, providers, session, notifications, recipients });

  return {
    services: { wa },
    handlers: waHandlers(wa),
    jobTypes: [sendJob, feedJob],
    subscribers: [notifierSubscriber({ rules: notifications, outbound, settings, tenants, log: d.log })],
    start() {
      // Until the scheduler lands in jobs/: the daily retention sweep of the primary tenant.
      purgeTimer = setInterval(() => {
        const tenantId = tenants.primaryId();
        if (tenantId) messages.purge(tenantId, settings.resolved(tenantId).retentionDays);
      }, RETENTION_EVERY_MS);
      purgeTimer.unref();
      /** A tenant on whatsapp-web.js reconnects its stored session when the app starts. */
      const tenantId = tenants.primaryId();
      if (tenantId && settings.resolved(tenantId).provider === 'wwebjs') void providers.session(tenantId).start();
    },
    async close() {
      if (purgeTimer) clearInterval(purgeTimer);
      activity.close();
      await providers.close();
    },
  };
}

/** WhatsApp: a leaf among the feature modules (it imports none; they fill its ports). */
export const waModule = (options: WaOptions = {}) =>
  defineModule({
    name: 'wa',
    tables: ['wa_settings', 'wa_templates', 'wa_messages', 'wa_opt_outs', 'wa_broadcasts'],
    create: (infra, needs: { tenants: TenantService }) => createWa(infra, options, needs.tenants),
  });
