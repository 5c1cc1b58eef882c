/**
 * Events can stream (a running broadcast reports every message): invalidating on each would refetch
 * the same query several times a second. This batches the keys events name and flushes them at
 * most once per window: the first event of a quiet spell flushes at once, later ones wait for the
 * window to end, and however many arrived meanwhile each key is flushed once.
 */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
}

export const COALESCE_MS = 1_000;

export function createCoalescedInvalidator(flush: (keys: readonly string[]) => void, timers: Timers, windowMs = COALESCE_MS) {
  const pending = new Set<string>();
  let scheduled = false;
  let lastFlush = Number.NEGATIVE_INFINITY;

  function run(): void {
    scheduled = false;
    lastFlush = timers.now();
    const keys = [...pending];
    pending.clear();
    flush(keys);
  }

  return {
    invalidate(...keys: readonly string[]): void {
      for (const key of keys) pending.add(key);
      if (scheduled || pending.size === 0) return;
      scheduled = true;
      // Even "at once" waits for the current task, so one event naming three keys flushes once.
      timers.setTimeout(run, Math.max(0, lastFlush + windowMs - timers.now()));
    },
  };
}
