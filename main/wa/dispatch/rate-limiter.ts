import type { SendGap } from '../../../shared/domain/wa.js';
import { SlidingWindow } from './sliding-window.js';

/** Seed 000: the platform never sends more than 50 messages a second in all. */
export const GLOBAL_CAP_PER_SECOND = 50;
export const DEFAULT_TENANT_RATE = 10;
/**
 * A little over a second: slots already count from the provider's answer, so network delays cannot
 * crowd a window; this covers a provider that rounds its arrival times. Costs under 1% of throughput.
 */
const SECOND_MS = 1_005;
const HOUR_MS = 60 * 60_000;
/** Recipients' hourly windows are swept for forgotten numbers this often (in sends). */
const SWEEP_EVERY = 5_000;

export interface RateDecision {
  /** 0: send now. Otherwise retry after this many ms (the message waits, it does not fail). */
  waitMs: number;
  /** True when the per-recipient cap (not a per-second limit) holds the message back. */
  recipientCapped: boolean;
}

/** The tenant's settings that pace its sends. */
export interface SendLimits {
  ratePerSecond: number;
  perRecipientPerHour: number;
  /** A random pause between two of the tenant's messages (WhatsApp Web), on top of the rate; null: none. */
  gap?: SendGap | null;
}

/** What the send handler needs from a limiter; the bench passes one without limits. */
export interface SendLimiter {
  acquire(now: number, tenantId: string, recipient: string, limits: SendLimits): RateDecision;
  /** The provider answered (or gave up on) a send acquire() allowed: it counts from `now`, and so does the next gap. */
  settle(now: number, tenantId: string, gap?: SendGap | null): void;
}

/**
 * The three limits every WhatsApp send passes: the tenant's rate (default 10/s, capped by the
 * global 50/s), the global cap, and a per-recipient cap per hour so a loop can never spam one number.
 */
export class RateLimiter implements SendLimiter {
  private readonly global = new SlidingWindow(GLOBAL_CAP_PER_SECOND, SECOND_MS);
  private readonly tenants = new Map<string, SlidingWindow>();
  private readonly recipients = new Map<string, SlidingWindow>();
  /** Per tenant with a gap: when its next message may go (IN_FLIGHT while one awaits its answer). */
  private readonly gaps = new Map<string, number>();
  /** The gap's length between two sends, drawn anew each time; Math.random outside tests. */
  private readonly gapRandom: () => number;
  private sinceSweep = 0;

  constructor(random: () => number = Math.random) {
    this.gapRandom = random;
  }

  /** Checks all three and, when all allow, records the send in all three. */
  acquire(now: number, tenantId: string, recipient: string, limits: SendLimits): RateDecision {
    const tenantLimit = Math.max(1, Math.min(GLOBAL_CAP_PER_SECOND, Math.floor(limits.ratePerSecond)));
    const tenant = this.window(this.tenants, tenantId, tenantLimit, SECOND_MS);
    const person = this.window(this.recipients, `${tenantId}:${recipient}`, Math.max(1, Math.floor(limits.perRecipientPerHour)), HOUR_MS);
    const personWait = person.waitMs(now);
    if (personWait > 0) return { waitMs: personWait, recipientCapped: true };
    const gapAt = limits.gap ? (this.gaps.get(tenantId) ?? 0) : 0;
    // One message at a time while a gap applies: the next pause starts from this one's answer.
    const gapWait = gapAt === Number.POSITIVE_INFINITY ? SECOND_MS : Math.max(0, gapAt - now);
    const wait = Math.max(this.global.waitMs(now), tenant.waitMs(now), gapWait);
    if (wait > 0) return { waitMs: wait, recipientCapped: false };
    if (limits.gap) this.gaps.set(tenantId, Number.POSITIVE_INFINITY);
    else this.gaps.delete(tenantId);
    this.global.hold();
    tenant.hold();
    person.take(now);
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(now);
    return { waitMs: 0, recipientCapped: false };
  }

  /** Forgets numbers not messaged for an hour: 50,000 customers must not mean 50,000 windows forever. */
  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const [key, window] of this.recipients) if (window.idle(now)) this.recipients.delete(key);
  }

  settle(now: number, tenantId: string, gap: SendGap | null = null): void {
    this.global.settle(now);
    this.tenants.get(tenantId)?.settle(now);
    if (gap) {
      const spread = (gap.maxSeconds - gap.minSeconds) * 1000;
      this.gaps.set(tenantId, now + gap.minSeconds * 1000 + Math.round(this.gapRandom() * spread));
    }
  }

  /** A changed setting takes effect at once, with the sends already made still counted. */
  private window(windows: Map<string, SlidingWindow>, key: string, limit: number, windowMs: number): SlidingWindow {
    const current = windows.get(key);
    if (current && current.limit === limit) return current;
    const next = current ? current.resized(limit) : new SlidingWindow(limit, windowMs);
    windows.set(key, next);
    return next;
  }
}
