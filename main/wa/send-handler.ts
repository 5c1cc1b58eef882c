import { JobDeferred, JobDone, JobError, type InterruptDecision, type Job } from '../jobs/index.js';
import type { Clock, Logger } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { WaProviderKey } from '../../shared/domain/wa.js';
import type { SendResult, WaErrorCode } from './providers/provider.js';
import { nextAllowedTime } from './dispatch/quiet-hours.js';
import { recoverInterrupted } from './recover-interrupted.js';
import type { SendLimiter } from './dispatch/rate-limiter.js';
import type { MessageStore } from './message-store.js';
import type { OptOuts } from './opt-outs.js';
import type { ProviderRegistry } from './provider-registry.js';
import { sendGapOf, type WaSettingsService } from './settings-service.js';

/** Failures that say the provider is unusable, not that this message is: the fallback gets it at once. */
const PROVIDER_DOWN: ReadonlySet<string> = new Set<WaErrorCode>(['INVALID_TOKEN', 'DEVICE_DISCONNECTED', 'PROVIDER_QUOTA', 'NOT_READY']);
/** While suspended, messages wait rather than fail; they go once RRNet lifts the suspension. */
const SUSPENDED_RECHECK_MS = 60_000;
/**
 * Refusals every message would meet alike: the queue pauses with one alert instead of failing
 * each message on its own. A settings change lifts the pause and wakes the messages.
 */
const PAUSES_QUEUE: ReadonlySet<string> = new Set<WaErrorCode>(['INVALID_TOKEN']);
const PAUSED_RECHECK_MS = 5 * 60_000;

export interface SendHandlerDeps {
  messages: MessageStore;
  settings: WaSettingsService;
  providers: ProviderRegistry;
  optOuts: OptOuts;
  limiter: SendLimiter;
  tenants: TenantService;
  clock: Clock;
  log: Logger;
  /** A message changed status: screens refresh (throttled by the caller). */
  activity(tenantId: string, broadcastId: string | null): void;
  /** The queue paused itself (a bad token): the one alert the operator gets. */
  paused(tenantId: string, code: string): void;
}

/**
 * Waits for a rate-limit slot. When the app closes meanwhile, the message goes back to the queue
 * untouched (no attempt used) instead of being sent during shutdown.
 */
function waitForSlot(ms: number, signal: AbortSignal, now: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const closing = () => reject(new JobDeferred(now, 'the app is closing'));
    if (signal.aborted) return closing();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      closing();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The job behind every WhatsApp message. Order matters: suspension and quiet hours postpone,
 * opt-out skips, the rate limits pace, then 'sending' is committed before the provider is called,
 * which is how a restart knows a message may already have left (see README, crash safety).
 */
export function createSendHandler(d: SendHandlerDeps): (job: Job, signal: AbortSignal) => Promise<unknown> {
  return async (job, signal) => {
    const { messageId } = job.payload as { messageId: string };
    let msg = d.messages.forSend(messageId);
    if (msg?.status === 'sending' && msg.provider === 'wwebjs') {
      // Left mid-send by a crash: its chat says whether it went (see recover-interrupted.ts).
      const recovered = await recoverInterrupted(d, messageId, msg);
      if (recovered !== 'resend') return recovered;
      msg = d.messages.forSend(messageId);
    }
    // Cancelled (broadcast stopped), skipped, or already through: nothing to do, and nothing twice.
    if (!msg || msg.status !== 'queued') return { skipped: msg?.status ?? 'missing' };
    const tenantId = msg.tenant_id;
    const settings = d.settings.resolved(tenantId);
    const now = d.clock.now();
    if (settings.suspended) throw new JobDeferred(now + SUSPENDED_RECHECK_MS, 'sending suspended by RRNet');
    if (settings.paused) throw new JobDeferred(now + PAUSED_RECHECK_MS, `queue paused: ${settings.paused.code}`);
    // Decided now, with today's settings: quiet hours switched off or shortened release the message.
    if (msg.quiet === 1 && !settings.nightEvents.includes(msg.template_key)) {
      const allowed = nextAllowedTime(now, d.tenants.zone(tenantId), settings.quietHours);
      if (allowed > now) {
        await d.messages.markHeld(messageId, allowed);
        d.activity(tenantId, msg.broadcast_id);
        throw new JobDeferred(allowed, 'quiet hours');
      }
    }
    if (d.optOuts.has(tenantId, msg.to_number)) {
      d.messages.markSkipped(messageId, 'OPTED_OUT');
      d.activity(tenantId, msg.broadcast_id);
      return { skipped: 'opted-out' };
    }
    const lastError = msg.error_code;
    const onFallback =
      settings.fallbackProvider !== null &&
      (msg.failover === 1 || (lastError !== null && PROVIDER_DOWN.has(lastError)) || job.attempts >= job.maxAttempts);
    const providerKey: WaProviderKey = onFallback && settings.fallbackProvider ? settings.fallbackProvider : settings.provider;
    // A test send is one message someone is waiting for: the pause meant for bulk sending does not hold it back.
    const gap = msg.template_key === 'test_message' ? null : sendGapOf(settings, providerKey);
    const limits = { ratePerSecond: settings.ratePerSecond, perRecipientPerHour: settings.perRecipientPerHour, gap };
    for (;;) {
      const decision = d.limiter.acquire(d.clock.now(), tenantId, msg.to_number, limits);
      // The number had its share this hour: the message goes later, it does not fail.
      if (decision.recipientCapped) throw new JobDeferred(d.clock.now() + decision.waitMs, 'per-recipient hourly cap');
      if (decision.waitMs === 0) break;
      await waitForSlot(decision.waitMs, signal, d.clock.now());
    }

    const started = d.clock.now();
    let result: SendResult;
    // 'sending' is committed by the provider's handover, at the last moment before the message can
    // leave (Fonnte: the connection open; WhatsApp Web: the number checked): a crash before it
    // leaves the message 'queued', and the restart sends it without doubt.
    let handedOver = false;
    let cancelled = false;
    const handover = async () => {
      handedOver = await d.messages.markSending(messageId, providerKey, onFallback);
      cancelled = !handedOver;
      return handedOver;
    };
    try {
      result = await d.providers.get(tenantId, providerKey).send({ to: msg.to_number, text: msg.content, reference: messageId }, handover);
    } finally {
      // The message reached the provider by now, if it ever will: its rate-limit slot counts from here.
      d.limiter.settle(d.clock.now(), tenantId, limits.gap);
    }
    // Cancelled (broadcast stopped) while it waited for its connection: nothing left.
    if (cancelled) return { skipped: d.messages.get(messageId)?.status ?? 'missing' };
    // Failed before anything could leave: still an attempt, on this provider.
    if (!handedOver && !result.ok) d.messages.markTried(messageId, providerKey, onFallback);
    // A provider that took the message without handing over first: it went all the same, and is recorded.
    if (!handedOver && result.ok && !(await handover())) return { skipped: d.messages.get(messageId)?.status ?? 'missing' };
    if (result.ok) {
      const { providerMessageId } = result;
      const sendMs = d.clock.now() - started;
      // Screens refresh 250 ms from now (throttled), by when this outcome has committed.
      d.activity(tenantId, msg.broadcast_id);
      // 'sent' commits together with the job's 'done', in one write: the job is never done without
      // it. A crash before that commit leaves the message 'sending', parked by the restart as MAYBE_SENT.
      return new JobDone(
        { providerMessageId, provider: providerKey },
        () => d.messages.markSent(messageId, providerMessageId, sendMs),
        (error) => {
          // Disk full, database locked: the provider has it, the log does not. Parked for a person
          // with the provider's id, never resent; should even this write fail, the restart parks
          // the message still 'sending' the same way.
          const reason = error instanceof Error ? error.message : String(error);
          const note = `the provider took it (id ${providerMessageId ?? 'unknown'}) but recording that failed: ${reason}`;
          d.log.error('could not record a sent WhatsApp message', { messageId, providerMessageId, error: reason });
          d.messages.markFailed(messageId, 'MAYBE_SENT', note);
          d.activity(tenantId, msg.broadcast_id);
          return new JobError('MAYBE_SENT', note, false);
        },
      );
    }
    // The request left and no answer came: the provider may have taken it. Resending could deliver
    // it twice, so it is parked for a person (like a crash mid-send) instead of retried.
    if (result.mayHaveReached) {
      d.messages.markFailed(messageId, 'MAYBE_SENT', result.message);
      d.activity(tenantId, msg.broadcast_id);
      throw new JobError('MAYBE_SENT', result.message, false);
    }
    // A provider-side refusal is worth another try when a fallback provider has not had its turn.
    const fallbackLeft = settings.fallbackProvider !== null && !onFallback && PROVIDER_DOWN.has(result.code);
    if (!fallbackLeft && PAUSES_QUEUE.has(result.code)) {
      // Back to the queue unharmed (no attempt used); the others stop at the pause check.
      d.messages.markRetrying(messageId, result.code, result.message);
      if (d.settings.pause(tenantId, result.code)) d.paused(tenantId, result.code);
      d.activity(tenantId, msg.broadcast_id);
      throw new JobDeferred(d.clock.now() + PAUSED_RECHECK_MS, `queue paused: ${result.code}`);
    }
    const retry = (result.retryable || fallbackLeft) && job.attempts < job.maxAttempts;
    if (retry) d.messages.markRetrying(messageId, result.code, result.message);
    else d.messages.markFailed(messageId, result.code, result.message);
    d.activity(tenantId, msg.broadcast_id);
    throw new JobError(result.code, result.message, retry);
  };
}

/**
 * After a crash: a message still 'queued' never reached a provider and is safe to send, without
 * the interrupted attempt counting (64 messages wait for a rate-limit slot at any time; three
 * restarts during a long broadcast must not kill them). One left 'sending' may have reached the
 * provider: on WhatsApp Web its chat is read to find out (the job runs again, see
 * recover-interrupted.ts); elsewhere it is parked as failed (MAYBE_SENT) for a person to check
 * rather than sent blindly a second time.
 */
export function interruptedSend(messages: MessageStore): (job: Job) => InterruptDecision {
  return (job) => {
    const { messageId } = job.payload as { messageId: string };
    const msg = messages.get(messageId);
    if (msg?.status !== 'sending' || msg.provider === 'wwebjs') return 'requeue';
    messages.markFailed(messageId, 'MAYBE_SENT', 'the app stopped while this message was being sent');
    return 'dead';
  };
}
