/** A slot whose send the provider has not answered yet. */
const IN_FLIGHT = Number.POSITIVE_INFINITY;

/**
 * At most `limit` sends in any window of `windowMs`, as the provider sees them. A token bucket would
 * allow a full burst at the end of one second and another at the start of the next (2x the limit in
 * a 1-second window); a log of the last `limit` sends cannot, and still reaches the limit over a minute.
 *
 * A send reaches the provider some time after we allow it (a new connection, a slow network) and
 * before its answer comes back. So a held slot counts from the answer (`settle`), not from the
 * moment it was allowed: the next send it makes room for is allowed a full window after the
 * previous one arrived at the latest, and no delay on the way can squeeze `limit + 1` arrivals into
 * one window. `take` records a send that counts at once (the per-recipient hourly cap).
 */
export class SlidingWindow {
  /** When each of the last `limit` sends arrived at the latest; IN_FLIGHT until answered. */
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  }

  /** 0 when a send is allowed at `now`, else how many ms until one may be. */
  waitMs(now: number): number {
    if (this.times.length < this.limit) return 0;
    const oldest = this.times[this.oldest()] as number;
    // Every slot awaits its answer: none frees sooner than a window from now; ask again then.
    if (oldest === IN_FLIGHT) return this.windowMs;
    return Math.max(0, oldest + this.windowMs - now);
  }

  /** Records a send that counts from `now`; call only after waitMs(now) returned 0. */
  take(now: number): void {
    this.put(now);
  }

  /** Records a send the provider has yet to answer; call only after waitMs returned 0, then settle(). */
  hold(): void {
    this.put(IN_FLIGHT);
  }

  /** The provider answered one held send (or gave up on it) at `now`. */
  settle(now: number): void {
    const slot = this.times.indexOf(IN_FLIGHT);
    if (slot >= 0) this.times[slot] = now;
  }

  /** Nothing in it counts any more: the window can be forgotten. */
  idle(now: number): boolean {
    return this.times.every((t) => t + this.windowMs <= now);
  }

  /**
   * The same log under a new limit. The newest sends carry over: lowering 10/s to 5/s right after
   * 10 sends must not allow 5 more in that same second.
   */
  resized(limit: number): SlidingWindow {
    const next = new SlidingWindow(limit, this.windowMs);
    next.times.push(...[...this.times].sort((a, b) => b - a).slice(0, limit));
    return next;
  }

  private put(time: number): void {
    if (this.times.length < this.limit) this.times.push(time);
    else this.times[this.oldest()] = time;
  }

  /** The index of the earliest slot (at most 50 of them: a scan is cheaper than keeping an order). */
  private oldest(): number {
    let index = 0;
    for (let i = 1; i < this.times.length; i++) if ((this.times[i] as number) < (this.times[index] as number)) index = i;
    return index;
  }
}
