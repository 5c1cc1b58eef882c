import type { EventBus } from '../bus/index.js';
import type { Db } from '../db/index.js';

const HOURLY_MS = 60 * 60_000;

/**
 * Hourly: events every durable subscriber has seen are pruned (the outbox stays small), statistics
 * refreshed. A timer until jobs/ has its recurring scheduler; then this becomes a schedule.
 */
export function startHousekeeping(db: Db, bus: EventBus): { stop(): void } {
  const timer = setInterval(() => {
    bus.prune();
    db.pragma('optimize');
  }, HOURLY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
