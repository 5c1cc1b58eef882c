import { pruneChangeLog, type Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { JobQueue, Scheduler } from '../jobs/index.js';
import type { AccountsService } from '../accounts/index.js';
import type { WaModule } from '../wa/index.js';
import type { Clock } from '../platform/index.js';

const DAY = 24 * 60 * 60_000;

/**
 * How long the tables that only grow keep their rows: every default in one place.
 * - outbox: until every registered durable subscriber has the event (hourly);
 * - jobs: done and cancelled ones for `finishedJobsDays`; dead ones wait `deadJobsDays` for a
 *   person's retry (the failures screens show them);
 * - change_log: `changeLogDays`, and once sync exists only what it has acknowledged (see pruneChangeLog);
 * - sessions: as soon as they expire (12 hours idle, 7 days at most: accounts/session-store.ts);
 * - broadcast recipient lists: `broadcastRecipientsDays` after the broadcast was fed in full or cancelled;
 * - the WhatsApp message log: each tenant's own setting (retention_days, 365 by default), nightly
 *   in the tenant's zone (wa/wa-module.ts);
 * - parked events (bus_dead_letters): until the owner retries them; they are few and each one is
 *   something a person should see.
 */
export const RETENTION = {
  finishedJobsDays: 14,
  deadJobsDays: 90,
  changeLogDays: 30,
  broadcastRecipientsDays: 7,
} as const;

export const MAINTENANCE_JOB = 'system.maintenance';
export const RETENTION_JOB = 'system.retention';

export interface RetentionDeps {
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  scheduler: Scheduler;
  clock: Clock;
  accounts: AccountsService;
  wa: WaModule;
}

/** Puts the installation's housekeeping on the scheduler: hourly outbox and statistics, nightly retention. */
export function registerRetention(d: RetentionDeps): void {
  d.jobs.register(
    MAINTENANCE_JOB,
    async () => {
      const outbox = d.bus.prune();
      // Fresh statistics keep the planner's choices good as tables grow; cheap when nothing changed.
      d.db.pragma('optimize');
      return { outbox };
    },
    { onInterrupted: 'retry' },
  );
  d.scheduler.register({ name: MAINTENANCE_JOB, recurrence: { kind: 'every', minutes: 60 }, perTenant: false, jobType: MAINTENANCE_JOB });

  d.jobs.register(
    RETENTION_JOB,
    async () => {
      const now = d.clock.now();
      const daysAgo = (days: number) => now - days * DAY;
      // Each table in its own short transaction: the office's writes wait for one at a time.
      return {
        jobs: d.jobs.prune({ finishedBefore: daysAgo(RETENTION.finishedJobsDays), deadBefore: daysAgo(RETENTION.deadJobsDays) }),
        changeLog: pruneChangeLog(d.db, new Date(daysAgo(RETENTION.changeLogDays))),
        sessions: d.accounts.sessions.pruneExpired(),
        broadcastRecipients: d.wa.pruneBroadcastRecipients(daysAgo(RETENTION.broadcastRecipientsDays)),
      };
    },
    // Deletes by cutoff: repeating one is harmless.
    { onInterrupted: 'retry' },
  );
  // 03:00 WIB: the office is closed and nobody waits on the write lock.
  d.scheduler.register({ name: RETENTION_JOB, recurrence: { kind: 'daily', at: '03:00' }, perTenant: false, jobType: RETENTION_JOB });
}
