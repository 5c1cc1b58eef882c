/**
 * At most `limit` events in any window of `windowMs`. A token bucket would allow a full burst at
 * the end of one second and another at the start of the next (2x the limit in a 1-second window);
 * a sliding log of the last `limit` send times cannot, and still reaches the limit over a minute.
 */
export class SlidingWindow {
  private readonly times: number[];
  private head = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
    this.times = new Array<number>(limit).fill(0);
  }

  /** 0 when a send is allowed at `now`, else how many ms until one is. */
  waitMs(now: number): number {
    if (this.count < this.limit) return 0;
    const oldest = this.times[this.head] as number;
    return Math.max(0, oldest + this.windowMs - now);
  }

  /** Records a send at `now`; call only after waitMs(now) returned 0. */
  take(now: number): void {
    const slot = (this.head + this.count) % this.limit;
    if (this.count < this.limit) {
      this.times[slot] = now;
      this.count += 1;
    } else {
      this.times[this.head] = now;
      this.head = (this.head + 1) % this.limit;
    }
  }

  /**
   * The same log under a new limit. The recent sends carry over: lowering 10/s to 5/s right after
   * 10 sends must not allow 5 more in that same second.
   */
  resized(limit: number): SlidingWindow {
    const next = new SlidingWindow(limit, this.windowMs);
    const keep = Math.min(this.count, limit);
    for (let i = this.count - keep; i < this.count; i++) next.take(this.times[(this.head + i) % this.limit] as number);
    return next;
  }
}
