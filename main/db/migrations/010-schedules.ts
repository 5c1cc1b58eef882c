import type { Migration } from '../migrate.js';

/**
 * Scheduling in jobs/:
 * - schedule_runs, the recurring scheduler's memory: per schedule (and per tenant for per-tenant
 *   ones) the last slot it turned into a job, so a restart or a clock change neither repeats nor
 *   loses a run. tenant_id is '' for a schedule that runs once for the whole installation;
 * - the recovery sweep looks for running jobs past their lease every 30 s: only running jobs are
 *   in its index, so the look costs nothing however many finished jobs the table holds.
 */
export const m010Schedules: Migration = {
  version: 10,
  name: 'job-scheduling',
  up(db) {
    db.exec(`
      CREATE TABLE schedule_runs (
        name TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        last_slot INTEGER NOT NULL,
        job_id TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (name, tenant_id)
      );
      CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE status = 'running';
    `);
  },
};
