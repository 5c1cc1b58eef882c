import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { JobDeferred, JobDone, JobError, JobQueue, type Job } from '../../main/jobs/index.js';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { silentLogger } from '../../main/platform/index.js';
import { makeTempDir, pinnedClock, sequentialIds, type PinnedClock } from '../support/core-fixture.js';

const TENANT = '01JH0000000000000000000000';

/**
 * The queue is driven with runDue() and a pinned clock, so "2 s later" is a number we set, not a
 * wait. start() is only called where start-up behaviour is what is tested.
 */
describe('job queue on a real SQLite file', () => {
  let dir: string;
  let file: string;
  let clock: PinnedClock;
  let db: Db;
  let queue: JobQueue;
  const extraDbs: Db[] = [];

  const newQueue = (on: Db) => new JobQueue(on, clock, sequentialIds(clock), silentLogger);

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'rrnet.sqlite');
    clock = pinnedClock();
    db = openDatabase(file);
    migrate(db, migrations);
    queue = newQueue(db);
  });

  afterEach(async () => {
    await queue.stop();
    for (const d of [db, ...extraDbs.splice(0)]) if (d.open) d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an idempotency key enqueued twice gives one job', () => {
    const first = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: { to: '+6281234567890' }, key: 'invoice:42:reminder' });
    const second = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: { to: 'different' }, key: 'invoice:42:reminder' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(db.prepare('SELECT COUNT(*) FROM jobs').pluck().get()).toBe(1);
    expect(queue.get(first.id)?.payload).toEqual({ to: '+6281234567890' });
  });

  it('jobs without a key are never merged', () => {
    queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: 1 });
    queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: 1 });
    expect(queue.counts().queued).toBe(2);
  });

  it('a successful handler marks the job done with its result', async () => {
    const seen: Job[] = [];
    queue.register('wa_send', async (job) => {
      seen.push(job);
      return { providerId: 'msg-1' };
    });
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: { to: 'x' } });
    await queue.runDue();
    expect(seen.map((j) => [j.id, j.attempts, j.status])).toEqual([[id, 1, 'running']]);
    expect(queue.get(id)).toMatchObject({ status: 'done', attempts: 1, result: { providerId: 'msg-1' }, lastErrorCode: null });
  });

  it('a job due later does not run before its time', async () => {
    let runs = 0;
    queue.register('wa_send', async () => void (runs += 1));
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: null, runAt: clock.now() + 60_000 });
    await queue.runDue();
    expect(runs).toBe(0);
    clock.advance(60_000);
    await queue.runDue();
    expect(queue.get(id)?.status).toBe('done');
  });

  it('a retryable failure backs off 2 s, then 4 s, then the job goes dead at max attempts', async () => {
    let runs = 0;
    queue.register(
      'router_cmd',
      async () => {
        runs += 1;
        throw new JobError('ROUTER_UNREACHABLE', 'connect ETIMEDOUT 10.10.0.1:8728', true);
      },
      { maxAttempts: 3 },
    );
    const start = clock.now();
    const { id } = queue.enqueue({ type: 'router_cmd', tenantId: TENANT, payload: {} });

    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 1, runAt: start + 2_000, lastErrorCode: 'ROUTER_UNREACHABLE' });

    clock.advance(1_999);
    await queue.runDue();
    expect(runs).toBe(1);

    clock.advance(1);
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 2, runAt: start + 2_000 + 4_000 });

    clock.advance(4_000);
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastErrorCode: 'ROUTER_UNREACHABLE',
      lastError: 'connect ETIMEDOUT 10.10.0.1:8728',
    });
    clock.advance(3_600_000);
    await queue.runDue();
    expect(runs).toBe(3);
  });

  it('an unexpected exception is retried like a retryable failure', async () => {
    queue.register('wa_send', async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'queued', lastErrorCode: 'UNEXPECTED', lastError: 'cannot read properties of undefined' });
  });

  it('a non-retryable failure goes dead at once with its code and message', async () => {
    queue.register('wa_send', async () => {
      throw new JobError('TEMPLATE_VARIABLE_MISSING', 'template needs {nama}', false);
    });
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastErrorCode: 'TEMPLATE_VARIABLE_MISSING',
      lastError: 'template needs {nama}',
    });
    expect(queue.list({ status: 'dead' }).map((j) => j.id)).toEqual([id]);
  });

  describe("a handler's last write with the job's 'done' (JobDone)", () => {
    beforeEach(() => db.exec('CREATE TABLE outcomes (job_id TEXT PRIMARY KEY, note TEXT NOT NULL)'));
    const doneWith = (note: string) => async (job: Job) =>
      new JobDone({ note }, () => db.prepare('INSERT INTO outcomes (job_id, note) VALUES (?, ?)').run(job.id, note), (error) =>
        new JobError('UNRECORDED', `not recorded: ${error instanceof Error ? error.message : String(error)}`, false),
      );

    it('commits the write and the done job together, the result being the one the handler gave', async () => {
      queue.register('wa_send', doneWith('sent'));
      const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
      await queue.runDue();
      expect(queue.get(id)).toMatchObject({ status: 'done', result: { note: 'sent' } });
      expect(db.prepare('SELECT note FROM outcomes WHERE job_id = ?').pluck().get(id)).toBe('sent');
    });

    it('a write that fails leaves nothing of itself and the job not done: it fails as the handler says', async () => {
      // The handler's write is refused part-way (its statement's row is written, then rolled back).
      db.exec(`CREATE TRIGGER refuse AFTER INSERT ON outcomes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
      queue.register('wa_send', doneWith('sent'));
      const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
      await queue.runDue();
      expect(queue.get(id)).toMatchObject({ status: 'dead', lastErrorCode: 'UNRECORDED', lastError: 'not recorded: database or disk is full' });
      expect(db.prepare('SELECT COUNT(*) FROM outcomes').pluck().get()).toBe(0);
    });

    it("a 'done' that fails takes the handler's write back with it", async () => {
      queue.register('wa_send', doneWith('sent'));
      const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
      db.exec(`CREATE TRIGGER refuse_done BEFORE UPDATE OF status ON jobs WHEN NEW.status = 'done' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
      await queue.runDue();
      expect(queue.get(id)).toMatchObject({ status: 'dead', lastErrorCode: 'UNRECORDED' });
      expect(db.prepare('SELECT COUNT(*) FROM outcomes').pluck().get()).toBe(0);
    });
  });

  it('a deferred job waits until its time without using up an attempt', async () => {
    let deferrals = 2;
    queue.register(
      'wa_send',
      async () => {
        if (deferrals > 0) {
          deferrals -= 1;
          throw new JobDeferred(clock.now() + 60_000, 'quiet hours');
        }
        return 'sent';
      },
      { maxAttempts: 1 },
    );
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 0, runAt: clock.now() + 60_000 });
    clock.advance(60_000);
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
    clock.advance(60_000);
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'done', attempts: 1, result: 'sent' });
  });

  it('retry() gives a dead job a fresh set of attempts and it can then succeed', async () => {
    let fail = true;
    queue.register('wa_send', async () => {
      if (fail) throw new JobError('PROVIDER_REJECTED', 'number not on WhatsApp', false);
      return 'sent';
    });
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
    await queue.runDue();
    expect(queue.get(id)?.status).toBe('dead');

    fail = false;
    expect(queue.retry(id)).toBe(true);
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 0, runAt: clock.now() });
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'done', attempts: 1, result: 'sent', lastErrorCode: null });
    expect(queue.retry(id)).toBe(false);
  });

  it('cancel() stops a queued job and only a queued one', async () => {
    let runs = 0;
    queue.register('wa_send', async () => void (runs += 1));
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {}, runAt: clock.now() + 1_000 });
    expect(queue.cancel(id)).toBe(true);
    clock.advance(1_000);
    await queue.runDue();
    expect(runs).toBe(0);
    expect(queue.get(id)?.status).toBe('cancelled');
    expect(queue.cancel(id)).toBe(false);
  });

  it('never runs more of a type at once than its concurrency', async () => {
    let running = 0;
    let peak = 0;
    queue.register(
      'wa_send',
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setImmediate(r));
        running -= 1;
      },
      { concurrency: 2 },
    );
    queue.enqueueMany(Array.from({ length: 7 }, (_, i) => ({ type: 'wa_send', tenantId: TENANT, payload: i })));
    await queue.runDue();
    expect(queue.counts().done).toBe(7);
    expect(peak).toBe(2);
  });

  it('jobs whose claim is still committing when the queue stops go back untouched, no attempt used', async () => {
    let runs = 0;
    queue.register('wa_send', async () => void (runs += 1));
    queue.start();
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
    // The worker's tick has run: the claim waits for the batch's commit.
    await new Promise((r) => setImmediate(r));
    await queue.stop();
    expect(runs).toBe(0);
    expect(queue.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('enqueueMany is one transaction: a failure part-way leaves no job behind', () => {
    const specs = [
      { type: 'wa_send', tenantId: TENANT, payload: 1, key: 'b:1' },
      { type: 'wa_send', tenantId: TENANT, payload: 2, key: 'b:2' },
      // NOT NULL tenant_id: the database refuses this one after two were inserted.
      { type: 'wa_send', tenantId: null as unknown as string, payload: 3, key: 'b:3' },
    ];
    expect(() => queue.enqueueMany(specs)).toThrow();
    expect(db.prepare('SELECT COUNT(*) FROM jobs').pluck().get()).toBe(0);
  });

  it('enqueueMany creates each key once, also when the batch repeats one', () => {
    queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: 0, key: 'b:0' });
    const { created } = queue.enqueueMany(
      ['b:0', 'b:1', 'b:2', 'b:1'].map((key, i) => ({ type: 'wa_send', tenantId: TENANT, payload: i, key })),
    );
    expect(created).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM jobs').pluck().get()).toBe(3);
  });

  describe('a job left running by a killed app', () => {
    /** Leaves a job 'running' the real way: a worker on another connection claims it and never finishes. */
    const killMidJob = async (type: string) => {
      const doomedDb = openDatabase(file);
      extraDbs.push(doomedDb);
      const doomed = newQueue(doomedDb);
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      doomed.register(type, () => {
        started();
        return new Promise(() => {});
      });
      const { id } = doomed.enqueue({ type, tenantId: TENANT, payload: {} });
      // The killed app's worker finds its database gone from under it: it dies with it.
      doomed.runDue().catch(() => undefined);
      await running;
      doomedDb.close();
      return id;
    };

    it('is put back in the queue on start when its type is safe to repeat', async () => {
      const id = await killMidJob('router_cmd');
      expect(queue.get(id)).toMatchObject({ status: 'running', attempts: 1 });
      let runs = 0;
      queue.register('router_cmd', async () => void (runs += 1), { onInterrupted: 'retry' });
      queue.start();
      expect(queue.get(id)).toMatchObject({ lastErrorCode: 'INTERRUPTED' });
      await queue.runDue();
      expect(runs).toBe(1);
      expect(queue.get(id)).toMatchObject({ status: 'done', attempts: 2 });
    });

    it('is parked dead on start when repeating it could send twice', async () => {
      const id = await killMidJob('wa_send');
      let runs = 0;
      queue.register('wa_send', async () => void (runs += 1), { onInterrupted: 'dead' });
      queue.start();
      await queue.runDue();
      expect(runs).toBe(0);
      expect(queue.get(id)).toMatchObject({ status: 'dead', lastErrorCode: 'INTERRUPTED' });
    });

    it('a policy function decides per job', async () => {
      const id = await killMidJob('wa_send');
      const decided: string[] = [];
      queue.register('wa_send', async () => 'ok', {
        onInterrupted: (job) => {
          decided.push(job.id);
          return 'dead';
        },
      });
      queue.start();
      expect(decided).toEqual([id]);
      expect(queue.get(id)?.status).toBe('dead');
    });

    it('goes dead when it had used its last attempt', async () => {
      const id = await killMidJob('router_cmd');
      db.prepare('UPDATE jobs SET max_attempts = 1 WHERE id = ?').run(id);
      queue.register('router_cmd', async () => 'ok', { onInterrupted: 'retry' });
      queue.start();
      expect(queue.get(id)).toMatchObject({ status: 'dead', lastErrorCode: 'INTERRUPTED' });
    });
  });

  describe('a run past its lease (lease_until)', () => {
    /** A handler that hangs on its first run until the queue aborts it, and succeeds on the next. */
    const hangsOnce = () => {
      const runs: string[] = [];
      let entered!: () => void;
      const hanging = new Promise<void>((r) => (entered = r));
      const handler = (_job: Job, signal: AbortSignal) => {
        runs.push(signal.aborted ? 'aborted' : 'run');
        if (runs.length > 1) return Promise.resolve('ok');
        entered();
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('gave up'))));
      };
      return { runs, hanging, handler };
    };

    it('is taken back by the recovery sweep and retried when its type is safe to repeat; the hung run is aborted and its late outcome ignored', async () => {
      const { runs, hanging, handler } = hangsOnce();
      queue.register('router_cmd', handler, { onInterrupted: 'retry', leaseMs: 60_000 });
      const { id } = queue.enqueue({ type: 'router_cmd', tenantId: TENANT, payload: {} });
      queue.start();
      await hanging;
      expect(queue.get(id)).toMatchObject({ status: 'running', attempts: 1 });

      clock.advance(60_001);
      await queue.runDue();
      expect(runs).toEqual(['run', 'run']);
      // The first run's "gave up" came after the sweep had decided: it did not count as a failure.
      expect(queue.get(id)).toMatchObject({ status: 'done', attempts: 2, result: 'ok' });
    });

    it('is parked dead when its type must not repeat blindly', async () => {
      const { runs, hanging, handler } = hangsOnce();
      queue.register('wa_send', handler, { onInterrupted: 'dead', leaseMs: 60_000 });
      const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: {} });
      queue.start();
      await hanging;
      clock.advance(60_001);
      await queue.runDue();
      expect(runs).toEqual(['run']);
      expect(queue.get(id)).toMatchObject({ status: 'dead', lastErrorCode: 'LEASE_EXPIRED' });
    });

    it('is left alone while its lease lasts', async () => {
      const { hanging, handler } = hangsOnce();
      queue.register('router_cmd', handler, { onInterrupted: 'retry', leaseMs: 60_000 });
      const { id } = queue.enqueue({ type: 'router_cmd', tenantId: TENANT, payload: {} });
      queue.start();
      await hanging;
      clock.advance(59_000);
      queue.register('other', async () => 'ok');
      queue.enqueue({ type: 'other', tenantId: TENANT, payload: {} });
      await new Promise((r) => setImmediate(r));
      expect(queue.get(id)).toMatchObject({ status: 'running', attempts: 1 });
    });
  });

  it('the queue survives a restart: a job enqueued before closing runs after reopening', async () => {
    const { id } = queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: { n: 1 }, key: 'k' });
    db.close();
    db = openDatabase(file);
    queue = newQueue(db);
    expect(queue.enqueue({ type: 'wa_send', tenantId: TENANT, payload: { n: 2 }, key: 'k' })).toEqual({ id, created: false });
    queue.register('wa_send', async (job) => job.payload);
    await queue.runDue();
    expect(queue.get(id)).toMatchObject({ status: 'done', result: { n: 1 } });
  });
});
