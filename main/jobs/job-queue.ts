import { setMaxListeners } from 'node:events';
import { Where, WriteBatcher, type Db } from '../db/index.js';
import type { Clock, IdGenerator, Logger } from '../platform/index.js';
import { DEFAULT_BACKOFF, backoffDelay, type Backoff } from './backoff.js';
import { JobDeferred, JobDone, JobError, type InterruptPolicy, type Job, type JobHandler, type JobSpec, type JobStatus, type WorkLane } from './job-types.js';

interface JobRow {
  id: string;
  tenant_id: string;
  type: string;
  payload: string;
  idempotency_key: string | null;
  status: JobStatus;
  run_at: number;
  attempts: number;
  max_attempts: number;
  lease_until: number | null;
  last_error_code: string | null;
  last_error: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
}

export interface JobTypeOptions {
  concurrency?: number;
  maxAttempts?: number;
  backoff?: Backoff;
  /** Also applied when a job outlives its lease (its worker hung or died). */
  onInterrupted?: InterruptPolicy;
  /** How long one run may take before the recovery sweep decides about it (5 minutes by default). */
  leaseMs?: number;
}

interface Registration {
  handler: JobHandler;
  concurrency: number;
  maxAttempts: number;
  backoff: Backoff;
  onInterrupted: InterruptPolicy;
  leaseMs: number;
  running: number;
}

/** One run of a job in this process, known by the lease it was claimed with. */
interface Execution {
  reg: Registration;
  lease: number;
  abort: AbortController;
}

interface InterruptReason {
  code: string;
  message: string;
  log: string;
}
const INTERRUPTED_BY_RESTART: InterruptReason = { code: 'INTERRUPTED', message: 'the app stopped while this job ran', log: 'job interrupted by a restart' };
const LEASE_EXPIRED: InterruptReason = { code: 'LEASE_EXPIRED', message: 'the job ran past its lease (its worker hung or died)', log: 'job lease expired' };

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_LEASE_MS = 5 * 60_000;
/** The longest the worker sleeps without looking, in case a clock jump hid a due job. */
const MAX_SLEEP_MS = 30_000;
/** How often the worker looks for runs past their lease. */
const SWEEP_EVERY_MS = 30_000;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    key: row.idempotency_key,
    status: row.status,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Durable jobs in SQLite. Every side effect (a router command, a broadcast's feeding) is one of these
 * (or a row of a module's own lane: a WhatsApp message is its own job in wa_send_queue, see WorkLane):
 * it survives a crash, retries with exponential backoff, never runs twice for one idempotency key,
 * and ends as done, dead (visible with its reason, retryable by a person) or cancelled.
 *
 * A claimed job holds a lease (lease_until). A run still going when its lease ends (a handler that
 * hung, or a worker that died) is taken back by the recovery sweep and decided by the type's
 * interrupt policy, as after a crash; its own handler is aborted, and whatever it reports later is
 * ignored, because every outcome is written only while the job still holds the lease it was run with.
 */
/**
 * What stop() aborts. Each claim still running listens to it once, and claims of one job each pile
 * up while sends wait for rate-limit slots: that many listeners (bounded by the types' concurrency)
 * is the design, not a leak, so Node's warning past 10 is lifted here and on each claim's signal.
 */
function stopSignal(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export class JobQueue {
  private readonly types = new Map<string, Registration>();
  private readonly lanes: WorkLane[] = [];
  private timer: NodeJS.Timeout | null = null;
  private tickScheduled = false;
  private started = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly executions = new Map<string, Execution>();
  private stopping = stopSignal();
  private nextSweep = 0;
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly log: Logger,
    /** Outcomes of concurrent jobs commit together (see WriteBatcher). */
    private readonly writes: WriteBatcher = new WriteBatcher(db),
  ) {
    this.stmt = {
      insert: db.prepare(`INSERT INTO jobs (id, tenant_id, type, payload, idempotency_key, status, run_at, attempts, max_attempts, created_at, updated_at)
        VALUES (@id, @tenantId, @type, @payload, @key, 'queued', @runAt, 0, @maxAttempts, @now, @now)
        ON CONFLICT (idempotency_key) DO NOTHING`),
      insertMany: db.prepare(`INSERT INTO jobs (id, tenant_id, type, payload, idempotency_key, status, run_at, attempts, max_attempts, created_at, updated_at)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'queued', value ->> 5, 0, value ->> 6, @now, @now
        FROM json_each(@rows) WHERE true
        ON CONFLICT (idempotency_key) DO NOTHING`),
      byKey: db.prepare('SELECT id FROM jobs WHERE idempotency_key = ?').pluck(),
      claim: db.prepare(`UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = @lease, updated_at = @now
        WHERE id IN (SELECT id FROM jobs WHERE status = 'queued' AND type = @type AND run_at <= @now ORDER BY run_at, id LIMIT @limit)
        RETURNING *`),
      // Each outcome lands only on the run it belongs to: the job must still hold that run's lease.
      complete: db.prepare(`UPDATE jobs SET status = 'done', result = ?, lease_until = NULL, last_error_code = NULL, last_error = NULL, updated_at = ? WHERE id = ? AND lease_until IS ?`),
      reschedule: db.prepare(`UPDATE jobs SET status = 'queued', run_at = ?, lease_until = NULL, last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND lease_until IS ?`),
      defer: db.prepare(`UPDATE jobs SET status = 'queued', run_at = ?, attempts = attempts - 1, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_until IS ?`),
      bury: db.prepare(`UPDATE jobs SET status = 'dead', lease_until = NULL, last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND lease_until IS ?`),
      expired: db.prepare(`SELECT * FROM jobs WHERE status = 'running' AND lease_until < ?`),
      nextDue: db.prepare(`SELECT MIN(run_at) FROM jobs WHERE status = 'queued' AND type = ?`).pluck(),
      get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
    };
  }

  /** Returns the job's id and whether this call created it (false: the key was seen before). */
  enqueue(spec: JobSpec): { id: string; created: boolean } {
    const id = spec.id ?? this.ids.next();
    const now = this.clock.now();
    const created =
      this.stmt.insert.run({
        id,
        tenantId: spec.tenantId,
        type: spec.type,
        payload: JSON.stringify(spec.payload ?? null),
        key: spec.key ?? null,
        runAt: spec.runAt ?? now,
        maxAttempts: spec.maxAttempts ?? this.types.get(spec.type)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        now,
      }).changes === 1;
    this.kick();
    return { id: created ? id : (this.stmt.byKey.get(spec.key) as string), created };
  }

  /**
   * Many jobs in one statement (so one transaction): a 10,000-recipient broadcast is one commit,
   * and one crossing into SQLite rather than 10,000. A key seen before, or twice in the batch, makes one job.
   */
  enqueueMany(specs: readonly JobSpec[]): { created: number } {
    if (specs.length === 0) return { created: 0 };
    const now = this.clock.now();
    const rows = specs.map((spec) => [
      spec.id ?? this.ids.next(),
      spec.tenantId,
      spec.type,
      JSON.stringify(spec.payload ?? null),
      spec.key ?? null,
      spec.runAt ?? now,
      spec.maxAttempts ?? this.types.get(spec.type)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ]);
    const created = this.stmt.insertMany.run({ rows: JSON.stringify(rows), now }).changes;
    this.kick();
    return { created };
  }

  register(type: string, handler: JobHandler, options: JobTypeOptions = {}): void {
    this.types.set(type, {
      handler,
      concurrency: options.concurrency ?? 1,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      onInterrupted: options.onInterrupted ?? 'retry',
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      running: 0,
    });
    if (this.started) {
      // A type registered late still gets its own policy for jobs a crash left running.
      this.recoverInterrupted(type);
      this.kick();
    }
  }

  /** A module's own durable queue (see WorkLane), worked by this queue's worker from now on. */
  addLane(lane: WorkLane): void {
    this.lanes.push(lane);
    if (this.started) {
      lane.recover();
      this.kick();
    }
  }

  /** Recovers jobs a crash left 'running' (per their type's policy) and the lanes' half-done work, then works until stop(). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = stopSignal();
    for (const type of this.types.keys()) this.recoverInterrupted(type);
    for (const lane of this.lanes) lane.recover();
    this.kick();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.inFlight]);
    this.writes.flush();
  }

  get(id: string): Job | null {
    const row = this.stmt.get.get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  list(filter: { status?: JobStatus; type?: string; tenantId?: string; limit?: number } = {}): Job[] {
    const where = new Where().andIf(filter.status, 'status = ?').andIf(filter.type, 'type = ?').andIf(filter.tenantId, 'tenant_id = ?');
    const sql = `SELECT * FROM jobs ${where.sql} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...where.params, filter.limit ?? 100) as JobRow[]).map(toJob);
  }

  counts(tenantId?: string): Record<JobStatus, number> {
    const rows = this.db
      .prepare(`SELECT status, COUNT(*) AS n FROM jobs ${tenantId ? 'WHERE tenant_id = ?' : ''} GROUP BY status`)
      .all(...(tenantId ? [tenantId] : [])) as { status: JobStatus; n: number }[];
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0, cancelled: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /** A person's "retry" on a dead job: a fresh set of attempts, due now. */
  retry(id: string): boolean {
    const now = this.clock.now();
    const changed = this.db
      .prepare(`UPDATE jobs SET status = 'queued', attempts = 0, run_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'`)
      .run(now, now, id).changes;
    if (changed) this.kick();
    return changed === 1;
  }

  cancel(id: string): boolean {
    return (
      this.db.prepare(`UPDATE jobs SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'queued'`).run(this.clock.now(), id)
        .changes === 1
    );
  }

  /**
   * Retention: finished jobs (done, cancelled) last changed before `finishedBefore`, dead ones
   * (waiting for a person's retry) before `deadBefore`. Their idempotency keys go with them, so
   * keep them longer than anyone would enqueue the same key again.
   */
  prune(cutoffs: { finishedBefore: number; deadBefore: number }): number {
    return this.db
      .prepare(`DELETE FROM jobs WHERE (status IN ('done', 'cancelled') AND updated_at < ?) OR (status = 'dead' AND updated_at < ?)`)
      .run(cutoffs.finishedBefore, cutoffs.deadBefore).changes;
  }

  /** Runs every job that is due now and waits for them: for tests and benchmarks. */
  async runDue(): Promise<void> {
    for (;;) {
      const before = this.inFlight.size;
      this.tick();
      if (this.inFlight.size === 0 && before === 0) return;
      await Promise.all([...this.inFlight]);
    }
  }

  private recoverInterrupted(type: string): void {
    const rows = this.db.prepare(`SELECT * FROM jobs WHERE status = 'running' AND type = ?`).all(type) as JobRow[];
    for (const row of rows) this.decideInterrupted(row, INTERRUPTED_BY_RESTART);
  }

  /**
   * The recovery sweep: runs past their lease are decided like runs a crash interrupted. One of
   * ours still in flight (a handler that hung) is aborted and its slot freed for other jobs.
   */
  private sweepExpiredLeases(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const row of this.stmt.expired.all(now) as JobRow[]) {
      const execution = this.executions.get(row.id);
      if (execution?.lease === row.lease_until) this.release(row.id, execution).abort.abort();
      this.decideInterrupted(row, LEASE_EXPIRED);
    }
  }

  private decideInterrupted(row: JobRow, reason: InterruptReason): void {
    const now = this.clock.now();
    const job = toJob(row);
    const policy = this.types.get(job.type)?.onInterrupted ?? 'retry';
    const decision = typeof policy === 'function' ? policy(job) : policy;
    if (decision === 'requeue') {
      this.stmt.defer.run(now, now, job.id, row.lease_until);
    } else if (decision === 'retry' && job.attempts < job.maxAttempts) {
      this.stmt.reschedule.run(now, reason.code, reason.message, now, job.id, row.lease_until);
    } else {
      this.stmt.bury.run(reason.code, `${reason.message}; check before retrying`, now, job.id, row.lease_until);
    }
    this.log.warn(reason.log, { id: job.id, type: job.type, decision });
  }

  private release(id: string, execution: Execution): Execution {
    this.executions.delete(id);
    execution.reg.running -= 1;
    return execution;
  }

  /** Something became due outside enqueue (a lane's work was queued or woken): the worker looks at once. */
  kick(): void {
    if (!this.started || this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(() => {
      this.tickScheduled = false;
      if (this.started) this.tick();
    });
  }

  private tick(): void {
    const now = this.clock.now();
    this.sweepExpiredLeases(now);
    let nextWake = now + MAX_SLEEP_MS;
    for (const [type, reg] of this.types) {
      const due = this.stmt.nextDue.get(type) as number | null;
      if (due === null) continue;
      // Due jobs left waiting for a slot need no timer: every finished job kicks the worker.
      if (due > now) {
        nextWake = Math.min(nextWake, due);
        continue;
      }
      this.refill(type, reg, now);
    }
    for (const lane of this.lanes) {
      const due = lane.pump(now, (run) => this.track(run), this.stopping.signal);
      // Due work left waiting for a slot needs no timer, as for jobs: every finished run kicks the worker.
      if (due !== null && due > now) nextWake = Math.min(nextWake, due);
    }
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), Math.max(0, nextWake - this.clock.now()));
    this.timer.unref();
  }

  /**
   * Claims in batches (a quarter of the slots at least, or whatever is free when idle): one claim
   * per finished job would be a statement per job. Not once the queue is stopping.
   */
  private refill(type: string, reg: Registration, now = this.clock.now()): void {
    const free = reg.concurrency - reg.running;
    if (this.stopping.signal.aborted || free <= 0 || (free * 4 < reg.concurrency && reg.running > 0)) return;
    this.claim(type, reg, now, free);
  }

  /**
   * The claim commits with the batch of outcomes in flight (one fsync for both, not one each), and
   * its jobs start once it has. Its slots are held meanwhile, so no other tick claims them twice.
   */
  private claim(type: string, reg: Registration, now: number, limit: number): void {
    reg.running += limit;
    const stopping = this.stopping.signal;
    const claimed = this.writes.runStatement(() => this.stmt.claim.all({ type, now, limit, lease: now + reg.leaseMs }) as JobRow[]);
    this.track(
      claimed.then(
        async (rows) => {
          reg.running -= limit;
          // The queue stopped while the claim committed: the jobs go back untouched, no attempt used.
          if (stopping.aborted) {
            await this.writes.run(() => {
              for (const row of rows) this.stmt.defer.run(row.run_at, this.clock.now(), row.id, row.lease_until);
            });
            return;
          }
          // The runs of one claim share its lease, so they share what ends them (the sweep, or
          // stop()): one AbortController and one stop listener per claim, not one per job.
          const abort = new AbortController();
          // Every run of the claim may listen to it at once (a send waiting for its rate slot).
          setMaxListeners(limit + 1, abort.signal);
          const onStop = () => abort.abort();
          stopping.addEventListener('abort', onStop, { once: true });
          const runs = rows.map((row) => this.execute(toJob(row), reg, row.lease_until ?? now + reg.leaseMs, abort));
          for (const run of runs) this.track(run);
          await Promise.all(runs);
          stopping.removeEventListener('abort', onStop);
        },
        (err: unknown) => {
          reg.running -= limit;
          this.log.error('could not claim jobs', { type, error: err instanceof Error ? err.message : String(err) });
        },
      ),
    );
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      this.kick();
    });
  }

  private async execute(job: Job, reg: Registration, lease: number, abort: AbortController): Promise<void> {
    const execution: Execution = { reg, lease, abort };
    this.executions.set(job.id, execution);
    reg.running += 1;
    let outcome: () => unknown;
    let done: JobDone | null = null;
    try {
      const result = await reg.handler(job, execution.abort.signal);
      if (result instanceof JobDone) {
        done = result;
        outcome = () => {
          result.record();
          this.complete(job, result.result, lease);
        };
      } else {
        outcome = () => this.complete(job, result, lease);
      }
    } catch (err) {
      outcome = () => this.onFailure(job, reg, err, lease);
    }
    // Only a handler's write with the 'done' is more than one statement.
    const written = done ? this.writes.run(outcome) : this.writes.runStatement(outcome);
    // The handler is through, so its slot is free: the next claim, queued behind this outcome,
    // commits with it instead of after it. (The sweep may have taken the job back and freed the slot already.)
    if (this.executions.get(job.id) === execution) this.release(job.id, execution);
    this.refill(job.type, reg);
    try {
      try {
        await written;
      } catch (err) {
        if (!done) throw err;
        // The handler's own write failed with it: the job is not done, and fails as the handler says.
        const failure = done.unrecorded(err);
        await this.writes.runStatement(() => this.onFailure(job, reg, failure, lease));
      }
    } catch (err) {
      // The outcome could not be written (disk full, database locked): the job stays 'running' and
      // the recovery sweep decides about it when its lease ends, as after a crash.
      this.log.error('could not record a job outcome', { id: job.id, type: job.type, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private complete(job: Job, result: unknown, lease: number): void {
    this.stmt.complete.run(JSON.stringify(result ?? null), this.clock.now(), job.id, lease);
  }

  private onFailure(job: Job, reg: Registration, err: unknown, lease: number): void {
    const now = this.clock.now();
    if (err instanceof JobDeferred) {
      this.stmt.defer.run(Math.max(err.runAt, now), now, job.id, lease);
      return;
    }
    const failure = err instanceof JobError ? err : new JobError('UNEXPECTED', err instanceof Error ? err.message : String(err), true);
    const message = failure.message.slice(0, 1000);
    if (failure.retryable && job.attempts < job.maxAttempts) {
      this.stmt.reschedule.run(now + backoffDelay(job.attempts, reg.backoff), failure.code, message, now, job.id, lease);
    } else if (this.stmt.bury.run(failure.code, message, now, job.id, lease).changes === 1) {
      this.log.warn('job moved to dead letters', { id: job.id, type: job.type, code: failure.code });
    }
  }
}
