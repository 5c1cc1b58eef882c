import { SlidingWindow } from './sliding-window.js';

/** Seed 000: the platform never sends more than 50 messages a second in all. */
export const GLOBAL_CAP_PER_SECOND = 50;
export const DEFAULT_TENANT_RATE = 10;
/**
 * A little over a second: the provider counts arrivals in its own seconds, and network jitter
 * must not push an 11th message into a 10-per-second bucket. Costs under 1% of throughput.
 */
const SECOND_MS = 1_005;
const HOUR_MS = 60 * 60_000;

export interface RateDecision {
  /** 0: send now. Otherwise retry after this many ms (the message waits, it does not fail). */
  waitMs: number;
  /** True when the per-recipient cap (not a per-second limit) holds the message back. */
  recipientCapped: boolean;
}

/**
 * The three limits every WhatsApp send passes: the tenant's rate (default 10/s, capped by the
 * global 50/s), the global cap, and a per-recipient cap per hour so a loop can never spam one number.
 */
export class RateLimiter {
  private readonly global = new SlidingWindow(GLOBAL_CAP_PER_SECOND, SECOND_MS);
  private readonly tenants = new Map<string, SlidingWindow>();
  private readonly recipients = new Map<string, SlidingWindow>();

  constructor(private readonly perRecipientPerHour: number) {}

  /** Checks all three and, when all allow, records the send in all three. */
  acquire(now: number, tenantId: string, ratePerSecond: number, recipient: string): RateDecision {
    const tenant = this.tenantWindow(tenantId, ratePerSecond);
    const person = this.recipientWindow(tenantId, recipient);
    const personWait = person.waitMs(now);
    if (personWait > 0) return { waitMs: personWait, recipientCapped: true };
    const wait = Math.max(this.global.waitMs(now), tenant.waitMs(now));
    if (wait > 0) return { waitMs: wait, recipientCapped: false };
    this.global.take(now);
    tenant.take(now);
    person.take(now);
    return { waitMs: 0, recipientCapped: false };
  }

  private tenantWindow(tenantId: string, ratePerSecond: number): SlidingWindow {
    const limit = Math.max(1, Math.min(GLOBAL_CAP_PER_SECOND, Math.floor(ratePerSecond)));
    let window = this.tenants.get(tenantId);
    // A changed setting takes effect at once: a new window at the new rate.
    if (!window || window.limit !== limit) {
      window = new SlidingWindow(limit, SECOND_MS);
      this.tenants.set(tenantId, window);
    }
    return window;
  }

  private recipientWindow(tenantId: string, recipient: string): SlidingWindow {
    const key = `${tenantId}:${recipient}`;
    let window = this.recipients.get(key);
    if (!window) {
      window = new SlidingWindow(this.perRecipientPerHour, HOUR_MS);
      this.recipients.set(key, window);
    }
    return window;
  }
}
