import { describe, expect, it } from 'vitest';
import { createCoalescedInvalidator, type Timers } from '../../renderer/src/query/coalesced-invalidator.js';

/** A hand-driven clock: timers run only when the test advances time. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let queue: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(run, ms) {
      queue.push({ at: now + ms, run });
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        queue = queue.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = end;
    },
  };
}

describe('coalesced invalidation of queries by events', () => {
  it('flushes the first event of a quiet spell at once, in one batch for the keys of one task', () => {
    const timers = manualTimers();
    const flushed: string[][] = [];
    const invalidator = createCoalescedInvalidator((keys) => flushed.push([...keys]), timers);
    invalidator.invalidate('customers.list', 'dashboard.summary');
    invalidator.invalidate('customers.list');
    timers.advance(0);
    expect(flushed).toEqual([['customers.list', 'dashboard.summary']]);
  });

  it('refetches a streaming query at most once a second (a broadcast announces four times a second)', () => {
    const timers = manualTimers();
    const flushed: string[][] = [];
    const invalidator = createCoalescedInvalidator((keys) => flushed.push([...keys]), timers);
    for (let ms = 0; ms < 3_000; ms += 250) {
      invalidator.invalidate('wa.metrics', 'wa.broadcast.list');
      timers.advance(250);
    }
    timers.advance(1_000);
    // 12 events over 3 s: flushed at 0, 1000, 2000 and 3000 ms, never more often.
    expect(flushed).toHaveLength(4);
    expect(flushed.every((keys) => keys.length === 2)).toBe(true);
  });

  it('loses no key that arrives while a flush is waiting', () => {
    const timers = manualTimers();
    const flushed: string[][] = [];
    const invalidator = createCoalescedInvalidator((keys) => flushed.push([...keys]), timers);
    invalidator.invalidate('a');
    timers.advance(10);
    invalidator.invalidate('b');
    timers.advance(500);
    invalidator.invalidate('c');
    timers.advance(1_000);
    expect(flushed).toEqual([['a'], ['b', 'c']]);
  });
});
