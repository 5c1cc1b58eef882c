import type { Clock } from '../platform/index.js';

const FREE_TRIES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * Slows password guessing per username: five free tries, then a lock that doubles with each further
 * failure. Kept in memory: a restart forgives, which is fine for a local console.
 */
export class LoginThrottle {
  private readonly state = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait, or 0 when a try is allowed now. */
  waitSeconds(username: string): number {
    const s = this.state.get(username);
    if (!s) return 0;
    return Math.max(0, Math.ceil((s.lockedUntil - this.clock.now()) / 1000));
  }

  failed(username: string): void {
    const s = this.state.get(username) ?? { failures: 0, lockedUntil: 0 };
    s.failures += 1;
    if (s.failures >= FREE_TRIES) {
      s.lockedUntil = this.clock.now() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (s.failures - FREE_TRIES));
    }
    this.state.set(username, s);
  }

  succeeded(username: string): void {
    this.state.delete(username);
  }
}
