import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from '../../main/bus/index.js';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { RETENTION_JOB } from '../../main/system/index.js';
import { silentLogger } from '../../main/platform/index.js';
import { createOwner, createTestCore, makeTempDir, pinnedClock, TEST_EPOCH, type OwnerSession, type TestCore } from '../support/core-fixture.js';

const DAY = 24 * 60 * 60_000;
const TENANT = '01JH0000000000000000000000';

describe('outbox pruning', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir, 'rrnet.sqlite'));
    migrate(db, migrations);
    bus = new EventBus(db, pinnedClock(), silentLogger);
  });
  afterEach(async () => {
    bus.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes by the cursors of registered durable subscribers: one that no longer exists blocks nothing', async () => {
    // A subscriber an earlier version registered, then renamed: its cursor stays at 0 forever.
    db.prepare(`INSERT INTO bus_cursors (subscriber, last_seq, failures) VALUES ('notifier-v1', 0, 0)`).run();
    const seen: number[] = [];
    bus.subscribe('notifier-v2', (e) => void seen.push(e.seq), { durable: true });
    db.transaction(() => {
      for (let i = 0; i < 3; i++) bus.publish('customer_created', TENANT, { customerId: `01JH00000000000000000000C${i}` });
    })();
    await bus.drain();
    expect(seen).toHaveLength(3);
    expect(bus.prune()).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('keeps what a registered durable subscriber has not seen yet', async () => {
    bus.subscribe(
      'slow',
      () => {
        throw new Error('not yet');
      },
      { durable: true },
    );
    bus.publish('customer_created', TENANT, { customerId: '01JH00000000000000000000C1' });
    await bus.drain();
    expect(bus.prune()).toBe(0);
  });
});

describe('nightly retention on the scheduler', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  it("the night's sweeps (03:00-03:10 WIB) prune old finished jobs, the change log window, expired sessions and finished broadcasts' recipient lists", async () => {
    const { db, jobs, scheduler } = t.core;
    const now = TEST_EPOCH;
    const old = now - 100 * DAY;
    const insertJob = db.prepare(`INSERT INTO jobs (id, tenant_id, type, payload, status, run_at, attempts, max_attempts, created_at, updated_at)
      VALUES (?, ?, 'probe', 'null', ?, 0, 1, 3, ?, ?)`);
    insertJob.run('job-done-old', owner.tenantId, 'done', old, old);
    insertJob.run('job-cancelled-old', owner.tenantId, 'cancelled', old, old);
    insertJob.run('job-done-recent', owner.tenantId, 'done', now - DAY, now - DAY);
    insertJob.run('job-dead-60d', owner.tenantId, 'dead', now - 60 * DAY, now - 60 * DAY);
    insertJob.run('job-dead-old', owner.tenantId, 'dead', old, old);
    insertJob.run('job-queued-old', owner.tenantId, 'queued', old, old);
    db.prepare(`UPDATE change_log SET changed_at = ? WHERE seq = (SELECT MIN(seq) FROM change_log)`).run(new Date(now - 31 * DAY).toISOString());
    const changeLogBefore = db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;
    const insertBroadcast = db.prepare(`INSERT INTO wa_broadcasts (id, tenant_id, template_key, filter, message, recipients, scheduled_at, status, total, fed, created_by, created_at, updated_at)
      VALUES (?, ?, 'broadcast', '{}', 'Halo', '[["c","Budi","+628123","Paket"]]', 0, ?, 1, ?, 'u', ?, ?)`);
    insertBroadcast.run('bc-fed-old', owner.tenantId, 'active', 1, now - 8 * DAY, now - 8 * DAY);
    insertBroadcast.run('bc-cancelled-old', owner.tenantId, 'cancelled', 0, now - 8 * DAY, now - 8 * DAY);
    insertBroadcast.run('bc-feeding', owner.tenantId, 'active', 0, now - 8 * DAY, now - 8 * DAY);
    insertBroadcast.run('bc-fed-recent', owner.tenantId, 'active', 1, now - DAY, now - DAY);

    // 03:10 WIB the next night (20:10 UTC): the system's 03:00, the sessions' 03:05 and the
    // recipient lists' 03:10 sweeps are all due; the owner's session has been idle 18 hours by then.
    t.clock.set(Date.UTC(2026, 0, 5, 20, 10));
    scheduler.tick();
    await jobs.runDue();

    const [run] = jobs.list({ type: RETENTION_JOB });
    expect(run).toMatchObject({ status: 'done', result: { jobs: 3, changeLog: 1 } });
    expect(jobs.list({ type: 'accounts.sessions-retention' })[0]).toMatchObject({ status: 'done', result: { sessions: 1 } });
    expect(jobs.list({ type: 'wa.broadcast-recipients-retention' })[0]).toMatchObject({ status: 'done', result: { cleared: 2 } });
    expect(db.prepare(`SELECT id FROM jobs WHERE type = 'probe' ORDER BY id`).pluck().all()).toEqual(['job-dead-60d', 'job-done-recent', 'job-queued-old']);
    expect(db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(changeLogBefore - 1);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT id FROM wa_broadcasts WHERE recipients <> '[]' ORDER BY id`).pluck().all()).toEqual(['bc-fed-recent', 'bc-feeding']);
  });

  it("each tenant's WhatsApp log is purged at 02:30 in the tenant's zone, once per night", async () => {
    const { jobs, scheduler } = t.core;
    scheduler.tick(); // the tenant is new to the scheduler: its first night starts from here
    t.clock.set(Date.UTC(2026, 0, 5, 19, 29)); // 02:29 WIB
    scheduler.tick();
    expect(jobs.list({ type: 'wa.retention' })).toEqual([]);
    t.clock.set(Date.UTC(2026, 0, 5, 19, 30)); // 02:30 WIB
    scheduler.tick();
    scheduler.tick();
    await jobs.runDue();
    const runs = jobs.list({ type: 'wa.retention' });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', tenantId: owner.tenantId, payload: { tenantId: owner.tenantId, slot: Date.UTC(2026, 0, 5, 19, 30) } });
  });
});
