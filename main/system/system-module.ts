import { pruneChangeLog } from '../db/index.js';
import { DAY_MS, RETENTION, defineModule } from '../module-kit/index.js';
import { systemHandlers } from './handlers.js';

export const MAINTENANCE_JOB = 'system.maintenance';
export const RETENTION_JOB = 'system.retention';

/**
 * The installation's own housekeeping, on the scheduler: the outbox and the planner's statistics
 * hourly, finished jobs and the change log nightly; and the event bus's parked events for the owner.
 * It owns no table: the bus, the job queue and the change log are the infrastructure's.
 */
export const systemModule = defineModule({
  name: 'system',
  tables: [],
  create: (infra) => {
    const deadLetters = {
      list: (tenantId: string) => infra.bus.deadLetters.list(tenantId),
      retry: (tenantId: string, id: number) => infra.bus.retryDeadLetter(tenantId, id),
    };
    return {
      services: { deadLetters },
      handlers: systemHandlers(deadLetters),
      jobTypes: [
        {
          type: MAINTENANCE_JOB,
          handler: async () => {
            const outbox = infra.bus.prune();
            // Fresh statistics keep the planner's choices good as tables grow; cheap when nothing changed.
            infra.db.pragma('optimize');
            return { outbox };
          },
          options: { onInterrupted: 'retry' as const },
        },
        {
          type: RETENTION_JOB,
          handler: async () => {
            const daysAgo = (days: number) => infra.clock.now() - days * DAY_MS;
            // Each table in its own short transaction: the office's writes wait for one at a time.
            return {
              jobs: infra.jobs.prune({ finishedBefore: daysAgo(RETENTION.finishedJobsDays), deadBefore: daysAgo(RETENTION.deadJobsDays) }),
              changeLog: pruneChangeLog(infra.db, new Date(daysAgo(RETENTION.changeLogDays))),
            };
          },
          // Deletes by cutoff: repeating one is harmless.
          options: { onInterrupted: 'retry' as const },
        },
      ],
      schedules: [
        { name: MAINTENANCE_JOB, recurrence: { kind: 'every', minutes: 60 }, perTenant: false, jobType: MAINTENANCE_JOB },
        // 03:00 WIB: the office is closed and nobody waits on the write lock.
        { name: RETENTION_JOB, recurrence: { kind: 'daily', at: '03:00' }, perTenant: false, jobType: RETENTION_JOB },
      ],
    };
  },
});

