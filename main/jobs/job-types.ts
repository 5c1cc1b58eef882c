export type JobStatus = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

export interface JobSpec {
  /** Given when the caller stores the id beside its own row in the same transaction. */
  id?: string;
  type: string;
  tenantId: string;
  payload: unknown;
  /** Business idempotency key: a second enqueue with the same key returns the first job. */
  key?: string | null;
  runAt?: number;
  maxAttempts?: number;
}

export interface Job {
  id: string;
  tenantId: string;
  type: string;
  payload: unknown;
  key: string | null;
  status: JobStatus;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  lastErrorCode: string | null;
  lastError: string | null;
  result: unknown;
  createdAt: number;
  updatedAt: number;
}

/** Thrown by a handler to say how it failed: retryable errors back off, the others go to review. */
export class JobError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

/**
 * Thrown by a handler that may not run yet (quiet hours, a rate limit, a suspended sender): the job
 * goes back to the queue until `runAt` without using up one of its attempts.
 */
export class JobDeferred extends Error {
  constructor(readonly runAt: number, reason: string) {
    super(reason);
    this.name = 'JobDeferred';
  }
}

/**
 * What a handler returns when its own last write must land with the job's 'done' (a result the
 * job exists to record): both commit in one savepoint of one batched write, so the job is never done without it,
 * and the pair costs one write instead of two waited for one after the other. When that write
 * fails, nothing of it stays, and `unrecorded` says how the job failed instead.
 */
export class JobDone {
  constructor(
    readonly result: unknown,
    readonly record: () => void,
    readonly unrecorded: (error: unknown) => JobError,
  ) {}
}

/**
 * `signal` aborts when the queue stops (the app is closing) or the run outlived its lease (the
 * queue has taken the job back): a handler that is only waiting should give up.
 */
export type JobHandler = (job: Job, signal: AbortSignal) => Promise<unknown>;

/**
 * What to do with a job found 'running' at start-up (the app died mid-job). 'retry' suits jobs
 * that are safe to repeat; 'dead' parks it for a person to decide (a message that may already
 * have left); 'requeue' puts back a job known to have done none of its work (a message still
 * waiting for a rate-limit slot) without counting the attempt, so restarts alone never kill it.
 * A function may look at the job and decide.
 */
export type InterruptDecision = 'retry' | 'requeue' | 'dead';
export type InterruptPolicy = InterruptDecision | ((job: Job) => InterruptDecision);

/**
 * Durable work a module keeps in its own table instead of as `jobs` rows (WhatsApp's outbox: a
 * queued message's row in wa_send_queue is its own job). The queue's worker drives it beside the jobs, so start-up recovery,
 * stop() and runDue() cover both; the lane claims, runs and records its work itself.
 */
export interface WorkLane {
  /** Once at start, before any work: what a crash left half-done. */
  recover(): void;
  /**
   * Starts what is due with the lane's free slots (each run handed to `track`, which wakes the
   * worker when it ends), and says when something next falls due (null: nothing waits). Nothing
   * new starts once `stopping` has aborted; runs in flight give up what they are only waiting for.
   */
  pump(now: number, track: (run: Promise<void>) => void, stopping: AbortSignal): number | null;
}
