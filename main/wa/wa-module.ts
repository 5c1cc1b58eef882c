import type { Db, WriteBatcher } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { Clock, IdGenerator, Logger } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import type { TenantService } from '../tenant/index.js';
import type { CustomersService } from '../customers/index.js';
import type { TopologyService } from '../maps/index.js';
import { DEFAULT_BACKOFF, JobDeferred } from '../jobs/index.js';
import { ActivityThrottle } from './activity-throttle.js';
import { BROADCAST_FEED_JOB, BroadcastService, type RecipientSource } from './broadcast-service.js';
import { RateLimiter, type SendLimiter } from './dispatch/rate-limiter.js';
import { MessageStore } from './message-store.js';
import { waMetrics } from './metrics.js';
import { startNotifier } from './notifier.js';
import { OptOuts } from './opt-outs.js';
import { Outbound, WA_SEND_JOB } from './outbound.js';
import { ProviderRegistry, type ProviderRegistryOptions } from './provider-registry.js';
import { createSendHandler, interruptedSend } from './send-handler.js';
import { WaSettingsService } from './settings-service.js';
import { WaTemplateService } from './template-service.js';

export interface WaModuleDeps {
  db: Db;
  writes: WriteBatcher;
  bus: EventBus;
  jobs: JobQueue;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  secrets: SecretBox;
  tenants: TenantService;
  customers: CustomersService;
  topology: TopologyService;
  providers: ProviderRegistryOptions;
  /** The bench swaps in a limiter without limits to measure the dispatcher alone. */
  limiter?: SendLimiter;
  /** How many messages may be in flight at once (most of them waiting for a rate-limit slot). */
  concurrency?: number;
}

export type WaModule = ReturnType<typeof createWaModule>;

/** Seed 000's retry policy: 3 attempts, backoff from 2 s up to 60 s. */
const MAX_ATTEMPTS = 3;
const RETENTION_EVERY_MS = 24 * 60 * 60_000;

/** Wires the WhatsApp engine: settings, templates, the durable send queue, providers, broadcast, notifier. */
export function createWaModule(d: WaModuleDeps) {
  const settings = new WaSettingsService(d.db, d.clock, d.ids, d.secrets);
  const templates = new WaTemplateService(d.db, d.clock, d.ids, d.tenants);
  const messages = new MessageStore(d.db, d.clock, d.writes);
  const optOuts = new OptOuts(d.db, d.clock, d.ids);
  const activity = new ActivityThrottle(250, (tenantId, broadcastId) => d.bus.announce('wa_activity', tenantId, { broadcastId }));
  const providers = new ProviderRegistry(
    settings,
    d.providers,
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
  const recipients: RecipientSource = (tenantId, filter) => {
    switch (filter.kind) {
      case 'all_active':
        return d.customers.contacts(tenantId, {});
      case 'package':
        return d.customers.contacts(tenantId, { packageId: filter.packageId });
      case 'odp':
        return d.customers.contacts(tenantId, { ids: d.topology.customersOn(tenantId, filter.odpId) });
      case 'isolated':
        return d.customers.contacts(tenantId, { status: 'isolated' });
    }
  };
  const broadcasts = new BroadcastService(d.db, d.clock, d.ids, outbound, d.jobs, recipients, (t) => d.tenants.name(t));

  d.jobs.register(
    WA_SEND_JOB,
    createSendHandler({
      messages,
      settings,
      providers,
      optOuts,
      limiter: d.limiter ?? new RateLimiter(),
      tenants: d.tenants,
      clock: d.clock,
      log: d.log,
      activity: (t, b) => activity.touch(t, b),
    }),
    { concurrency: d.concurrency ?? 256, maxAttempts: MAX_ATTEMPTS, backoff: DEFAULT_BACKOFF, onInterrupted: interruptedSend(messages) },
  );
  d.jobs.register(
    BROADCAST_FEED_JOB,
    async (job) => {
      const { broadcastId } = job.payload as { broadcastId: string };
      const next = broadcasts.feed(broadcastId);
      if (next !== null) throw new JobDeferred(next, 'next chunk after the previous one has gone out');
    },
    // A feeder step is one transaction and its messages have idempotency keys: safe to repeat.
    { concurrency: 2, onInterrupted: 'retry' },
  );
  const stopNotifier = startNotifier({ bus: d.bus, outbound, settings, tenants: d.tenants, customers: d.customers });
  const purgeTimer = setInterval(() => {
    const tenantId = d.tenants.primaryId();
    if (tenantId) messages.purge(tenantId, settings.resolved(tenantId).retentionDays);
  }, RETENTION_EVERY_MS);
  purgeTimer.unref();

  /** A tenant on whatsapp-web.js reconnects its stored session when the app starts. */
  const tenantId = d.tenants.primaryId();
  if (tenantId && settings.resolved(tenantId).provider === 'wwebjs') void providers.session(tenantId).start();

  return {
    settings,
    templates,
    messages,
    optOuts,
    outbound,
    broadcasts,
    providers,
    metrics: (tenantId: string) => waMetrics(d.db, d.clock, tenantId),
    /** The settings page's test message: every press is its own trigger, so its own key. */
    sendTest(tenantId: string, to: string): string {
      const pressId = d.ids.next();
      return outbound.queue(tenantId, {
        event: 'test',
        templateKey: 'test_message',
        to,
        variables: { isp_name: d.tenants.name(tenantId), sent_at: new Date(d.clock.now()).toISOString() },
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
    retryFailed(tenantId: string, messageId: string): boolean {
      const row = messages.get(messageId);
      if (!row || row.tenant_id !== tenantId || row.status !== 'failed' || !row.job_id) return false;
      const jobId = row.job_id;
      return d.db.transaction(() => {
        if (!messages.requeue(messageId)) return false;
        // A dead job gets fresh attempts; one that finished (the provider reported the failure
        // after accepting the message) gets a successor, keyed by the send it follows.
        if (!d.jobs.retry(jobId)) {
          const job = d.jobs.enqueue({ type: WA_SEND_JOB, tenantId, payload: { messageId }, key: `wa:${messageId}:after-${row.attempts}` });
          messages.attachJob(messageId, job.id);
        }
        return true;
      })();
    },
    async close() {
      clearInterval(purgeTimer);
      stopNotifier();
      activity.close();
      await providers.close();
    },
  };
}
