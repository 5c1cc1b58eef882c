import { backoffDelay, DEFAULT_BACKOFF } from '../jobs/index.js';
import type { Clock } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { WaProviderKey } from '../../shared/domain/wa.js';
import type { SendResult, WaErrorCode } from './providers/provider.js';
import { nextAllowedTime } from './dispatch/quiet-hours.js';
import { recoverInterrupted } from './recover-interrupted.js';
import type { SendLimiter } from './dispatch/rate-limiter.js';
import type { MessageStore, SendView } from './message-store.js';
import type { SendOutcome } from './send-outcome.js';
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
  /** A message changed status: screens refresh (throttled by the caller). */
  activity(tenantId: string, broadcastId: string | null): void;
  /** The queue paused itself (a bad token): the one alert the operator gets. */
  paused(tenantId: string, code: string): void;
}

/** Seed 000's retry policy: 3 tries, backoff from 2 s up to 60 s. */
export const MAX_TRIES = 3;

/** One turn of a claimed message: `signal` aborts when the app closes or the turn outlived its lease, `live` says it still holds it. */
export interface Turn {
  signal: AbortSignal;
  live(): boolean;
  /** Its 'sending' has committed: the row no longer reads as queued. */
  handedOver(): void;
}

/** Waits for a rate-limit slot; false when the turn was given up meanwhile (the app closing): the message stays queued, untouched. */
function waitForSlot(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * One turn of a due WhatsApp message. Order matters: suspension and quiet hours postpone,
 * opt-out skips, the rate limits pace, then 'sending' is committed before the provider is called,
 * which is how a restart knows a message may already have left (see README, crash safety). The
 * outcome is returned, not written: the outbox writes it on the row with the other sends' writes.
 */
export function createSender(d: SendHandlerDeps): (due: SendView, turn: Turn) => Promise<SendOutcome> {
  return async (due, turn) => {
    const messageId = due.id;
    let msg = due;
    if (msg.status === 'sending' && msg.provider === 'wwebjs') {
      // Left mid-send by a crash: its chat says whether it went (see recover-interrupted.ts).
      const recovered = await recoverInterrupted(d, msg);
      if (recovered !== 'resend') return recovered;
      const again = d.messages.forSend(msg.seq);
      if (!again) return { kind: 'none' };
      msg = again;
    }
    // Cancelled (broadcast stopped), skipped, or already through: nothing to do, and nothing twice.
    if (msg.status !== 'queued') return { kind: 'none' };
    const tenantId = msg.tenant_id;
    const settings = d.settings.resolved(tenantId);
    const now = d.clock.now();
    if (settings.suspended) return { kind: 'later', runAt: now + SUSPENDED_RECHECK_MS, heldUntil: null };
    if (settings.paused) return { kind: 'later', runAt: now + PAUSED_RECHECK_MS, heldUntil: null };
    // Decided now, with today's settings: quiet hours switched off or shortened release the message.
    if (msg.quiet === 1 && !settings.nightEvents.includes(msg.template_key)) {
      const allowed = nextAllowedTime(now, d.tenants.zone(tenantId), settings.quietHours);
      if (allowed > now) {
        d.activity(tenantId, msg.broadcast_id);
        return { kind: 'later', runAt: allowed, heldUntil: allowed };
      }
    }
    if (d.optOuts.has(tenantId, msg.to_number)) {
      d.activity(tenantId, msg.broadcast_id);
      return { kind: 'skipped', code: 'OPTED_OUT' };
    }
    const lastError = msg.error_code;
    // This turn's try, counted from 1; the last one goes to the fallback provider.
    const attempt = msg.tries + 1;
    const onFallback =
      settings.fallbackProvider !== null &&
      (msg.failover === 1 || (lastError !== null && PROVIDER_DOWN.has(lastError)) || attempt >= MAX_TRIES);
    const providerKey: WaProviderKey = onFallback && settings.fallbackProvider ? settings.fallbackProvider : settings.provider;
    // A test send is one message someone is waiting for: the pause meant for bulk sending does not hold it back.
    const gap = msg.template_key === 'test_message' ? null : sendGapOf(settings, providerKey);
    const limits = { ratePerSecond: settings.ratePerSecond, perRecipientPerHour: settings.perRecipientPerHour, gap };
    for (;;) {
      const decision = d.limiter.acquire(d.clock.now(), tenantId, msg.to_number, limits);
      // The number had its share this hour: the message goes later, it does not fail.
      if (decision.recipientCapped) return { kind: 'later', runAt: d.clock.now() + decision.waitMs, heldUntil: null };
      if (decision.waitMs === 0) break;
      // The app is closing: the message goes back to the queue untouched instead of being sent during shutdown.
      if (!(await waitForSlot(decision.waitMs, turn.signal))) return { kind: 'none' };
    }

    const started = d.clock.now();
    let result: SendResult;
    // 'sending' is committed by the provider's handover, at the last moment before the message can
    // leave (Fonnte: the connection open; WhatsApp Web: the number checked): a crash before it
    // leaves the message 'queued', and the restart sends it without doubt.
    let handedOver = false;
    let cancelled = false;
    const handover = async () => {
      handedOver = await d.messages.markSending(msg.seq, providerKey, onFallback, turn.live);
      cancelled = !handedOver;
      if (handedOver) turn.handedOver();
      return handedOver;
    };
    try {
      result = await d.providers.get(tenantId, providerKey).send({ to: msg.to_number, text: msg.content, reference: messageId }, handover);
    } finally {
      // The message reached the provider by now, if it ever will: its rate-limit slot counts from here.
      d.limiter.settle(d.clock.now(), tenantId, limits.gap);
    }
    // Cancelled (broadcast stopped) while it waited for its connection: nothing left.
    if (cancelled) return { kind: 'none' };
    // A provider that took the message without handing over first: it went all the same, and is recorded.
    if (!handedOver && result.ok && !(await handover())) return { kind: 'none' };
    d.activity(tenantId, msg.broadcast_id);
    // This turn's try, on this provider, whether or not anything could leave.
    const tried = { provider: providerKey, failover: onFallback };
    // 'sent' is written with the provider's id after it took the message; a crash before that
    // commit leaves the message 'sending', parked by the restart as MAYBE_SENT.
    if (result.ok) return { kind: 'sent', providerMessageId: result.providerMessageId, sendMs: d.clock.now() - started, recovered: false, tried };
    // The request left and no answer came: the provider may have taken it. Resending could deliver
    // it twice, so it is parked for a person (like a crash mid-send) instead of retried.
    if (result.mayHaveReached) return { kind: 'failed', code: 'MAYBE_SENT', message: result.message, tried };
    // A provider-side refusal is worth another try when a fallback provider has not had its turn.
    const fallbackLeft = settings.fallbackProvider !== null && !onFallback && PROVIDER_DOWN.has(result.code);
    if (!fallbackLeft && PAUSES_QUEUE.has(result.code)) {
      // Back to the queue unharmed (no try used); the others stop at the pause check.
      if (d.settings.pause(tenantId, result.code)) d.paused(tenantId, result.code);
      return { kind: 'retry', runAt: d.clock.now() + PAUSED_RECHECK_MS, code: result.code, message: result.message, tried, counted: false };
    }
    if ((result.retryable || fallbackLeft) && attempt < MAX_TRIES) {
      const runAt = d.clock.now() + backoffDelay(attempt, DEFAULT_BACKOFF);
      return { kind: 'retry', runAt, code: result.code, message: result.message, tried, counted: true };
    }
    return { kind: 'failed', code: result.code, message: result.message, tried };
  };
}
