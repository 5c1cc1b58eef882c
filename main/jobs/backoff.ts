export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** Seed 000's retry policy by default: 2 s, 4 s, 8 s ... capped at 60 s. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 60_000 };

/** Delay before the next try after `attempts` failed tries. */
export function backoffDelay(attempts: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}
