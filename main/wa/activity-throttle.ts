/**
 * Screens want to know that messages moved, not about each of 10,000: at most one notice per
 * tenant (and broadcast) per interval, always including the last change.
 */
export class ActivityThrottle {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (tenantId: string, broadcastId: string | null) => void,
  ) {}

  touch(tenantId: string, broadcastId: string | null): void {
    const key = `${tenantId}:${broadcastId ?? ''}`;
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.emit(tenantId, broadcastId);
    }, this.intervalMs);
    timer.unref();
    this.pending.set(key, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
