import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../main/wa/dispatch/sliding-window.js';
import { GLOBAL_CAP_PER_SECOND, RateLimiter, type RateDecision, type SendLimits } from '../../main/wa/dispatch/rate-limiter.js';
import { seededRandom } from '../../main/demo/demo-town.js';
import { maxInAnyWindow } from '../support/wa-harness.js';

const HOUR = 60 * 60_000;
const TENANT = 'tenant-a';
const limits = (ratePerSecond: number, perRecipientPerHour = 1_000): SendLimits => ({ ratePerSecond, perRecipientPerHour });
const number = (i: number) => `+62812${String(i).padStart(8, '0')}`;

interface Simulation {
  /** When the limiter allowed each send. */
  grants: number[];
  /** When each send reached the provider (what the provider counts). */
  arrivals: number[];
}

/**
 * Drives a limiter the way the send handler does, in simulated time: each of `senders` in-flight
 * messages asks; told to wait, it comes back then (plus timer lateness); allowed, its request
 * reaches the provider after `toProvider` ms and the answer comes back `back` ms later, when the
 * handler calls settle().
 */
function simulate(
  acquire: (now: number, i: number) => RateDecision,
  settle: (now: number) => void,
  options: { messages: number; senders?: number; lateness?: () => number; latency?: () => { toProvider: number; back: number } },
): Simulation {
  const senders = options.senders ?? 1;
  const lateness = options.lateness ?? (() => 0);
  const latency = options.latency ?? (() => ({ toProvider: 0, back: 0 }));
  const wake = Array.from({ length: senders }, () => 0);
  let next = 0;
  const current = wake.map(() => next++);
  const answers: number[] = [];
  const result: Simulation = { grants: [], arrivals: [] };
  while (result.grants.length < options.messages) {
    let who = 0;
    for (let s = 1; s < senders; s++) if ((wake[s] as number) < (wake[who] as number)) who = s;
    const now = wake[who] as number;
    answers.sort((a, b) => a - b);
    while (answers.length > 0 && (answers[0] as number) <= now) settle(answers.shift() as number);
    const decision = acquire(now, current[who] as number);
    if (decision.recipientCapped) throw new Error('unexpected recipient cap');
    if (decision.waitMs > 0) {
      wake[who] = now + decision.waitMs + lateness();
      continue;
    }
    const { toProvider, back } = latency();
    result.grants.push(now);
    result.arrivals.push(now + toProvider);
    answers.push(now + toProvider + back);
    current[who] = next++;
    // The sender's next message is already waiting; the handler sends one at a time.
    wake[who] = now + toProvider + back + lateness();
  }
  return result;
}

const simulateTenant = (limiter: RateLimiter, rate: number, options: Parameters<typeof simulate>[2], tenant = TENANT) =>
  simulate(
    (now, i) => limiter.acquire(now, tenant, number(i), limits(rate)),
    (now) => limiter.settle(now, tenant),
    options,
  );

describe('SlidingWindow', () => {
  it('allows the limit at once, then exactly when the oldest send leaves the window', () => {
    const w = new SlidingWindow(3, 1_000);
    for (const t of [0, 10, 20]) {
      expect(w.waitMs(t)).toBe(0);
      w.take(t);
    }
    expect(w.waitMs(20)).toBe(980);
    expect(w.waitMs(999)).toBe(1);
    // Half-open windows: at 1000 the send at 0 no longer counts, so a 4th send is allowed.
    expect(w.waitMs(1_000)).toBe(0);
    w.take(1_000);
    expect(w.waitMs(1_000)).toBe(10);
    expect(w.waitMs(1_010)).toBe(0);
  });

  it('never has more than the limit in any window, whatever the request pattern (randomised)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const limit = 1 + Math.floor(random() * 12);
      const windowMs = 100 + Math.floor(random() * 1_500);
      const w = new SlidingWindow(limit, windowMs);
      const taken: number[] = [];
      let t = 0;
      for (let i = 0; i < 2_000; i++) {
        // Bursts of same-millisecond requests, gaps, and requests landing exactly on a boundary.
        const roll = random();
        if (roll < 0.3) t += 0;
        else if (roll < 0.6) t += Math.floor(random() * 50);
        else if (roll < 0.8) t += w.waitMs(t);
        else t += Math.floor(random() * windowMs * 2);
        if (w.waitMs(t) === 0) {
          w.take(t);
          taken.push(t);
        }
      }
      expect(maxInAnyWindow(taken, windowMs), `seed ${seed}: limit ${limit} per ${windowMs} ms`).toBeLessThanOrEqual(limit);
    }
  });

  it('counts a held slot from its answer: until then it frees nothing', () => {
    const w = new SlidingWindow(2, 1_000);
    w.hold();
    w.hold();
    // Both sends unanswered: nothing can be promised sooner than a window from now.
    expect(w.waitMs(0)).toBe(1_000);
    expect(w.waitMs(5_000)).toBe(1_000);
    w.settle(5_040);
    expect(w.waitMs(5_100)).toBe(940);
    expect(w.waitMs(6_040)).toBe(0);
    w.hold();
    w.settle(6_100);
    w.settle(6_200);
    expect(w.waitMs(6_300)).toBe(800);
  });

  it('keeps the newest sends when resized, so a lower limit applies to what was just sent', () => {
    const w = new SlidingWindow(10, 1_000);
    for (let t = 0; t < 10; t++) w.take(t * 10);
    const lower = w.resized(5);
    expect(lower.limit).toBe(5);
    // The 5 newest sends were at 50..90: the next is allowed once the one at 50 has left the window.
    expect(lower.waitMs(100)).toBe(950);
    expect(lower.waitMs(1_050)).toBe(0);
    const higher = w.resized(20);
    expect(higher.waitMs(100)).toBe(0);
    for (let i = 0; i < 10; i++) higher.take(100);
    expect(higher.waitMs(100)).toBe(900);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new SlidingWindow(0, 1_000)).toThrow();
    expect(() => new SlidingWindow(2.5, 1_000)).toThrow();
  });
});

describe('RateLimiter', () => {
  it('paces a tenant at its rate: never more than 10 in any second, boundaries included', () => {
    const limiter = new RateLimiter();
    const random = seededRandom(7);
    // 64 messages in flight at once, as the send job's concurrency allows; timers fire a little late.
    const { arrivals } = simulateTenant(limiter, 10, { messages: 1_000, senders: 64, lateness: () => Math.floor(random() * 4) });
    expect(maxInAnyWindow(arrivals, 1_000)).toBe(10);
    // ... and still close to 10 per second: 1,000 messages in about 100 s.
    const seconds = ((arrivals.at(-1) as number) - (arrivals[0] as number)) / 1_000;
    expect(999 / seconds).toBeGreaterThan(9.8);
  });

  it('keeps the provider under the rate whatever the network does to each request (randomised)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const limiter = new RateLimiter();
      const rate = 1 + Math.floor(random() * 20);
      // A new connection for some, a congested link for others: 0-400 ms there, 0-400 ms back.
      const latency = () => ({ toProvider: random() < 0.2 ? Math.floor(random() * 400) : Math.floor(random() * 5), back: Math.floor(random() * 400) });
      const { grants, arrivals } = simulateTenant(limiter, rate, { messages: 400, senders: 64, latency });
      expect(maxInAnyWindow(arrivals, 1_000), `seed ${seed}, ${rate}/s`).toBeLessThanOrEqual(rate);
      expect(maxInAnyWindow(grants, 1_000), `seed ${seed}, ${rate}/s`).toBeLessThanOrEqual(rate);
    }
  });

  it('caps a tenant rate at the platform limit of 50 per second', () => {
    const limiter = new RateLimiter();
    const { arrivals } = simulateTenant(limiter, 500, { messages: 500, senders: 100 });
    expect(maxInAnyWindow(arrivals, 1_000)).toBe(GLOBAL_CAP_PER_SECOND);
  });

  it('holds all tenants together to 50 per second', () => {
    const limiter = new RateLimiter();
    const allowed = { a: 0, b: 0 };
    for (let i = 0; i < 40; i++) if (limiter.acquire(0, 'a', number(i), limits(40)).waitMs === 0) allowed.a++;
    for (let i = 0; i < 40; i++) if (limiter.acquire(0, 'b', number(100 + i), limits(40)).waitMs === 0) allowed.b++;
    expect(allowed).toEqual({ a: 40, b: 10 });
    for (let i = 0; i < 40; i++) limiter.settle(0, 'a');
    for (let i = 0; i < 10; i++) limiter.settle(0, 'b');
    const decision = limiter.acquire(500, 'b', number(999), limits(40));
    expect(decision.recipientCapped).toBe(false);
    expect(decision.waitMs).toBe(505);
  });

  it('treats a rate below 1 or fractional as a whole number of at least 1', () => {
    const limiter = new RateLimiter();
    expect(limiter.acquire(0, TENANT, number(1), limits(0)).waitMs).toBe(0);
    expect(limiter.acquire(0, TENANT, number(2), limits(0)).waitMs).toBeGreaterThan(0);
    const other = new RateLimiter();
    const decisions = [1, 2, 3].map((i) => other.acquire(0, TENANT, number(i), limits(2.9)).waitMs);
    expect(decisions.map((w) => w === 0)).toEqual([true, true, false]);
  });

  it('lowering the rate mid-second does not allow a second burst', () => {
    const limiter = new RateLimiter();
    const before: number[] = [];
    for (let i = 0; i < 10; i++) {
      expect(limiter.acquire(i, TENANT, number(i), limits(10)).waitMs).toBe(0);
      limiter.settle(i, TENANT);
      before.push(i);
    }
    // The ISP lowers the rate to 5 right after a burst of 10: nothing more until that second is over.
    const { arrivals } = simulate(
      (now, i) => limiter.acquire(now, TENANT, number(100 + i), limits(5)),
      (now) => limiter.settle(now, TENANT),
      { messages: 50 },
    );
    expect(arrivals[0]).toBeGreaterThanOrEqual(1_000);
    const all = [...before, ...arrivals];
    // Any second that ends with a send made at the new rate holds at most 5 sends, old ones included.
    for (const t of arrivals) expect(all.filter((s) => s > t - 1_000 && s <= t).length).toBeLessThanOrEqual(5);
  });

  it('raising the rate counts the sends already made in the current second', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 10; i++) {
      limiter.acquire(0, TENANT, number(i), limits(10));
      limiter.settle(0, TENANT);
    }
    let more = 0;
    for (let i = 0; i < 30; i++) if (limiter.acquire(1, TENANT, number(100 + i), limits(20)).waitMs === 0) more++;
    expect(more).toBe(10);
  });

  describe('pause between messages (WhatsApp Web)', () => {
    const gap = { minSeconds: 4, maxSeconds: 10 };
    const paced: SendLimits = { ...limits(10), gap };

    it('lets one message go at a time, the next a random 4-10 s after the previous one was answered', () => {
      const random = seededRandom(7);
      const limiter = new RateLimiter(random);
      let now = 0;
      const pauses: number[] = [];
      let answeredAt = 0;
      for (let i = 0; i < 50; i++) {
        for (;;) {
          const decision = limiter.acquire(now, TENANT, number(i), paced);
          if (decision.waitMs === 0) break;
          now += decision.waitMs;
        }
        if (i > 0) pauses.push(now - answeredAt);
        // While this one is in flight, nobody else goes.
        expect(limiter.acquire(now, TENANT, number(1_000 + i), paced).waitMs).toBeGreaterThan(0);
        now += 300;
        answeredAt = now;
        limiter.settle(now, TENANT, gap);
      }
      expect(Math.min(...pauses)).toBeGreaterThanOrEqual(4_000);
      expect(Math.max(...pauses)).toBeLessThanOrEqual(10_000 + 1_005);
      // Jitter: not the same pause every time.
      expect(new Set(pauses.map((p) => Math.round(p / 1_000))).size).toBeGreaterThan(3);
    });

    it('without a pause, the rate per second alone paces', () => {
      const limiter = new RateLimiter();
      for (let i = 0; i < 10; i++) expect(limiter.acquire(0, TENANT, number(i), limits(10)).waitMs).toBe(0);
    });
  });

  describe('per-recipient cap', () => {
    const to = '+6281234567890';
    const send = (limiter: RateLimiter, now: number, perHour: number, tenant = TENANT, recipient = to) => {
      const decision = limiter.acquire(now, tenant, recipient, limits(10, perHour));
      if (decision.waitMs === 0) limiter.settle(now, tenant);
      return decision;
    };

    it('allows perRecipientPerHour messages to one number in any hour, then reports the cap', () => {
      const limiter = new RateLimiter();
      for (let i = 0; i < 3; i++) expect(send(limiter, i * 2_000, 3)).toEqual({ waitMs: 0, recipientCapped: false });
      const capped = send(limiter, 10_000, 3);
      expect(capped.recipientCapped).toBe(true);
      // Free again an hour after the first of the three.
      expect(capped.waitMs).toBe(HOUR - 10_000);
      expect(send(limiter, HOUR - 1, 3).recipientCapped).toBe(true);
      expect(send(limiter, HOUR, 3)).toEqual({ waitMs: 0, recipientCapped: false });
    });

    it('uses the tenant setting, including a change of it', () => {
      const limiter = new RateLimiter();
      for (let i = 0; i < 2; i++) expect(send(limiter, i * 2_000, 2).recipientCapped).toBe(false);
      expect(send(limiter, 5_000, 2).recipientCapped).toBe(true);
      expect(send(limiter, 6_000, 3).recipientCapped).toBe(false);
      expect(send(limiter, 8_000, 3).recipientCapped).toBe(true);
      // Lowering it keeps the three already sent in mind.
      expect(send(limiter, 9_000, 1).recipientCapped).toBe(true);
    });

    it('is per tenant and per number, and a capped message uses up no per-second slot', () => {
      const limiter = new RateLimiter();
      expect(limiter.acquire(0, TENANT, to, limits(2, 1)).waitMs).toBe(0);
      expect(limiter.acquire(0, TENANT, to, limits(2, 1)).recipientCapped).toBe(true);
      expect(limiter.acquire(0, TENANT, to, limits(2, 1)).recipientCapped).toBe(true);
      // One of the tenant's two slots this second is still free for someone else.
      expect(limiter.acquire(0, TENANT, '+6281111111111', limits(2, 1))).toEqual({ waitMs: 0, recipientCapped: false });
      expect(limiter.acquire(0, 'tenant-b', to, limits(2, 1))).toEqual({ waitMs: 0, recipientCapped: false });
    });

    it('a message waiting for a per-second slot is not counted against its recipient', () => {
      const limiter = new RateLimiter();
      expect(send(limiter, 0, 1, TENANT, '+6281111111111').waitMs).toBe(0);
      // Waits for the tenant rate (1/s here) several times; none of those may use its one message an hour.
      for (let t = 1; t < 5; t++) expect(limiter.acquire(t * 100, TENANT, to, { ratePerSecond: 1, perRecipientPerHour: 1 })).toMatchObject({ recipientCapped: false });
      expect(limiter.acquire(1_005, TENANT, to, { ratePerSecond: 1, perRecipientPerHour: 1 })).toEqual({ waitMs: 0, recipientCapped: false });
    });
  });
});

describe('SlidingWindow.idle', () => {
  it('is idle only once every send it holds is older than its window', () => {
    const w = new SlidingWindow(3, 1_000);
    expect(w.idle(0)).toBe(true);
    w.take(100);
    w.take(600);
    expect(w.idle(1_099)).toBe(false);
    expect(w.idle(1_599)).toBe(false);
    expect(w.idle(1_600)).toBe(true);
    w.hold();
    // A send still awaiting the provider's answer always counts.
    expect(w.idle(1_000_000)).toBe(false);
  });
});
