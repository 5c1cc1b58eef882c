import type { Db } from '../db/index.js';
import type { Clock, Logger } from '../platform/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import type { JobQueue } from './job-queue.js';
import { checkRecurrence, latestSlot, nextSlot, periodMs, type Recurrence } from './recurrence.js';

export interface ScheduleDef {
  /** Stable: it keys the schedule's memory and its jobs, so renaming one starts it afresh. */
  name: string;
  recurrence: Recurrence;
  /** Per tenant: one job per tenant per slot, "daily at" read in that tenant's zone. */
  perTenant: boolean;
  jobType: string;
}

/** What a scheduled job receives: the slot it stands for (epoch ms), and its tenant when per tenant. */
export interface ScheduledPayload {
  tenantId?: string;
  slot: number;
}

export interface ScheduledTenant {
  id: string;
  zone: TimeZone;
}

/** The scheduler sits below tenancy, so the tenant list is handed in. */
export type TenantDirectory = () => readonly ScheduledTenant[];

/** An installation-wide schedule's tenant, in schedule_runs and on its jobs. */
export const INSTALLATION = '';
/** An installation-wide "daily at" is read in WIB, where most of our ISPs are. */
const INSTALLATION_ZONE: TimeZone = 'Asia/Jakarta';
const DAY = 24 * 60 * 60_000;
/** The longest the scheduler sleeps: it notices a changed clock or a new tenant within a minute. */
const MAX_SLEEP_MS = 60_000;

interface Target {
  tenantId: string;
  zone: TimeZone;
}

/**
 * Recurring work ("every N minutes", "daily at HH:MM in each tenant's zone") turned into durable
 * jobs. Each slot's job is keyed by schedule, tenant and slot, and the last slot enqueued is kept
 * in schedule_runs, in the same transaction as the job, so:
 * - a restart never runs a slot twice, and two schedulers on one file cannot both take it;
 * - runs missed while the app was off (or the clock jumped forward) are caught up once, as the
 *   latest slot only, not once per missed slot;
 * - a clock moved back does not repeat slots already run: the schedule waits until the clock passes
 *   its last slot again. A record more than a day (or one period, if longer) ahead of the clock came
 *   from a clock that ran ahead and was corrected: the schedule follows the clock again from its
 *   next slot (rather than stopping for a week), and any slot it already ran is still kept from
 *   running twice by its job's idempotency key;
 * - a schedule seen for the first time starts at its next slot (installing is not a missed run).
 * `db` must be the JobQueue's connection: the job and the record commit together.
 */
export class Scheduler {
  private readonly defs = new Map<string, ScheduleDef>();
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private readonly stmt;
  private readonly claimSlot;

  constructor(
    db: Db,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly tenants: TenantDirectory,
  ) {
    this.stmt = {
      last: db.prepare('SELECT last_slot FROM schedule_runs WHERE name = ? AND tenant_id = ?').pluck(),
      record: db.prepare(`INSERT INTO schedule_runs (name, tenant_id, last_slot, job_id, updated_at) VALUES (@name, @tenantId, @slot, @jobId, @now)
        ON CONFLICT (name, tenant_id) DO UPDATE SET last_slot = excluded.last_slot, job_id = COALESCE(excluded.job_id, job_id), updated_at = excluded.updated_at`),
    };
    this.claimSlot = db.transaction((def: ScheduleDef, target: Target, slot: number, now: number) => this.claim(def, target, slot, now));
  }

  register(def: ScheduleDef): void {
    checkRecurrence(def.recurrence);
    if (this.defs.has(def.name)) throw new Error(`schedule ${def.name} already registered`);
    this.defs.set(def.name, def);
    if (this.started) this.tick();
  }

  /** Catches up what is due, then keeps watching until stop(). */
  start(): void {
    this.started = true;
    this.tick();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Turns every slot now due into its job; returns how many jobs it created. */
  tick(): number {
    const now = this.clock.now();
    let wake = now + MAX_SLEEP_MS;
    let created = 0;
    try {
      const perTenant = [...this.defs.values()].some((d) => d.perTenant) ? this.tenants() : [];
      for (const def of this.defs.values()) {
        const targets = def.perTenant ? perTenant.map((t) => ({ tenantId: t.id, zone: t.zone })) : [{ tenantId: INSTALLATION, zone: INSTALLATION_ZONE }];
        for (const target of targets) {
          const slot = latestSlot(def.recurrence, now, target.zone);
          // IMMEDIATE: a second scheduler on the file waits here instead of reading a stale slot.
          if (this.claimSlot.immediate(def, target, slot, now)) created += 1;
          wake = Math.min(wake, nextSlot(def.recurrence, slot));
        }
      }
    } catch (err) {
      // The database was busy or failing: the next tick tries again, nothing was half-recorded.
      this.log.error('scheduler tick failed', { error: err instanceof Error ? err.message : String(err) });
    }
    this.sleepUntil(wake);
    return created;
  }

  private claim(def: ScheduleDef, target: Target, slot: number, now: number): boolean {
    const last = this.stmt.last.get(def.name, target.tenantId) as number | undefined;
    const record = (jobId: string | null) => this.stmt.record.run({ name: def.name, tenantId: target.tenantId, slot, jobId, now });
    if (last === undefined) {
      record(null);
      return false;
    }
    if (slot <= last) {
      if (last - slot > Math.max(periodMs(def.recurrence), DAY)) {
        this.log.warn('schedule recorded by a clock that ran ahead; following the clock again', { name: def.name, tenantId: target.tenantId, last, slot });
        record(null);
      }
      return false;
    }
    const payload: ScheduledPayload = target.tenantId === INSTALLATION ? { slot } : { tenantId: target.tenantId, slot };
    const job = this.jobs.enqueue({ type: def.jobType, tenantId: target.tenantId, payload, key: `schedule:${def.name}:${target.tenantId}:${slot}` });
    record(job.id);
    return job.created;
  }

  private sleepUntil(wake: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), Math.min(MAX_SLEEP_MS, Math.max(0, wake - this.clock.now())));
    this.timer.unref();
  }
}
