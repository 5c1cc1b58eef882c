import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { JobQueue, Scheduler, type Job, type ScheduleDef, type ScheduledTenant } from '../../main/jobs/index.js';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { silentLogger } from '../../main/platform/index.js';
import { makeTempDir, pinnedClock, sequentialIds, TEST_EPOCH, type PinnedClock } from '../support/core-fixture.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** TEST_EPOCH is 02:00 UTC; the next 02:00 UTC is the start of a fresh day for the tests below. */
const MIDNIGHT_UTC = TEST_EPOCH - 2 * HOUR;

const WIB: ScheduledTenant = { id: '01JH000000000000000000WIB0', zone: 'Asia/Jakarta' };
const WIT: ScheduledTenant = { id: '01JH000000000000000000WIT0', zone: 'Asia/Jayapura' };

const every15: ScheduleDef = { name: 'probe.every', recurrence: { kind: 'every', minutes: 15 }, perTenant: false, jobType: 'probe' };
const nightly: ScheduleDef = { name: 'probe.nightly', recurrence: { kind: 'daily', at: '02:00' }, perTenant: true, jobType: 'probe' };

/**
 * The scheduler on a real SQLite file with a pinned clock: time moves when the test says, and
 * tick() is called where the timer would call it.
 */
describe('recurring scheduler', () => {
  let dir: string;
  let file: string;
  let clock: PinnedClock;
  let tenants: ScheduledTenant[];
  const dbs: Db[] = [];

  const open = (def: ScheduleDef[]) => {
    const db = openDatabase(file);
    dbs.push(db);
    migrate(db, migrations);
    const jobs = new JobQueue(db, clock, sequentialIds(clock), silentLogger);
    const scheduler = new Scheduler(db, jobs, clock, silentLogger, () => tenants);
    for (const d of def) scheduler.register(d);
    return { db, jobs, scheduler };
  };
  const probeJobs = (db: Db) =>
    (db.prepare(`SELECT tenant_id, payload, idempotency_key FROM jobs WHERE type = 'probe' ORDER BY run_at, id`).all() as { tenant_id: string; payload: string; idempotency_key: string }[]).map(
      (r) => ({ tenantId: r.tenant_id, ...(JSON.parse(r.payload) as { slot: number; tenantId?: string }), key: r.idempotency_key }),
    );

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'rrnet.sqlite');
    clock = pinnedClock(MIDNIGHT_UTC + 1 * MINUTE);
    tenants = [WIB];
  });
  afterEach(() => {
    for (const db of dbs.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"every N minutes" makes one keyed durable job per slot, starting at the first slot after it was installed', async () => {
    const { db, jobs, scheduler } = open([every15]);
    const ran: Job[] = [];
    jobs.register('probe', async (job) => void ran.push(job));
    expect(scheduler.tick()).toBe(0);
    clock.advance(14 * MINUTE); // 00:15
    expect(scheduler.tick()).toBe(1);
    expect(scheduler.tick()).toBe(0);
    clock.advance(15 * MINUTE); // 00:30
    expect(scheduler.tick()).toBe(1);
    expect(probeJobs(db)).toEqual([
      { tenantId: '', slot: MIDNIGHT_UTC + 15 * MINUTE, key: `schedule:probe.every::${MIDNIGHT_UTC + 15 * MINUTE}` },
      { tenantId: '', slot: MIDNIGHT_UTC + 30 * MINUTE, key: `schedule:probe.every::${MIDNIGHT_UTC + 30 * MINUTE}` },
    ]);
    await jobs.runDue();
    expect(ran.map((j) => j.payload)).toEqual([{ slot: MIDNIGHT_UTC + 15 * MINUTE }, { slot: MIDNIGHT_UTC + 30 * MINUTE }]);
  });

  it('a restart runs no slot twice, and runs missed while the app was off are caught up once', () => {
    const first = open([every15]);
    first.scheduler.tick();
    clock.advance(14 * MINUTE);
    expect(first.scheduler.tick()).toBe(1);
    first.db.close();

    const second = open([every15]);
    expect(second.scheduler.tick()).toBe(0);
    clock.advance(3 * DAY); // the office was closed for a long weekend: 288 slots missed
    expect(second.scheduler.tick()).toBe(1);
    expect(second.scheduler.tick()).toBe(0);
    expect(probeJobs(second.db).map((j) => j.slot)).toEqual([MIDNIGHT_UTC + 15 * MINUTE, MIDNIGHT_UTC + 3 * DAY + 15 * MINUTE]);
  });

  it('a clock moved back repeats no slot; the next unseen slot runs', () => {
    const { db, scheduler } = open([every15]);
    scheduler.tick();
    clock.advance(44 * MINUTE); // 00:45
    expect(scheduler.tick()).toBe(1);
    clock.advance(-10 * MINUTE); // 00:35: the 00:30 slot again, by the clock
    expect(scheduler.tick()).toBe(0);
    clock.advance(-30 * MINUTE); // 00:05: slots 00:00 .. 00:45 all seen already
    expect(scheduler.tick()).toBe(0);
    clock.advance(10 * MINUTE); // 00:15
    expect(scheduler.tick()).toBe(0);
    clock.set(MIDNIGHT_UTC + 60 * MINUTE);
    expect(scheduler.tick()).toBe(1);
    expect(probeJobs(db).map((j) => j.slot - MIDNIGHT_UTC)).toEqual([45 * MINUTE, 60 * MINUTE]);
  });

  it('a clock jumped forward a week runs once, and once corrected the schedule resumes without repeating a slot', () => {
    const { db, scheduler } = open([every15]);
    scheduler.tick();
    clock.advance(14 * MINUTE); // 00:15
    expect(scheduler.tick()).toBe(1);
    clock.advance(7 * DAY);
    expect(scheduler.tick()).toBe(1);
    expect(scheduler.tick()).toBe(0);
    clock.advance(-7 * DAY + 15 * MINUTE); // corrected: 00:30 on the real day; the schedule follows it from its next slot
    expect(scheduler.tick()).toBe(0);
    clock.advance(15 * MINUTE);
    expect(scheduler.tick()).toBe(1);
    const slots = probeJobs(db).map((j) => j.slot - MIDNIGHT_UTC);
    expect(slots).toEqual([15 * MINUTE, 45 * MINUTE, 7 * DAY + 15 * MINUTE]);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('two schedulers on one database file never both run a slot', () => {
    const a = open([every15, nightly]);
    const b = open([every15, nightly]);
    a.scheduler.tick();
    b.scheduler.tick();
    clock.set(MIDNIGHT_UTC + DAY); // past both the 00:15 and the nightly slot
    const created = [a.scheduler.tick(), b.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()];
    expect(created.reduce((x, y) => x + y, 0)).toBe(2);
    expect(probeJobs(a.db).map((j) => j.key).sort()).toEqual([
      `schedule:probe.every::${MIDNIGHT_UTC + DAY}`,
      `schedule:probe.nightly:${WIB.id}:${MIDNIGHT_UTC + DAY - 7 * HOUR + 2 * HOUR}`,
    ]);
  });

  it('"daily at 02:00" is 02:00 in each tenant\'s own zone', () => {
    tenants = [WIB, WIT];
    const { db, scheduler } = open([nightly]);
    scheduler.tick();
    // 02:00 WIT is 17:00 UTC, 02:00 WIB is 19:00 UTC (the day before, in UTC).
    clock.set(MIDNIGHT_UTC + 17 * HOUR);
    expect(scheduler.tick()).toBe(1);
    clock.set(MIDNIGHT_UTC + 19 * HOUR - 1);
    expect(scheduler.tick()).toBe(0);
    clock.set(MIDNIGHT_UTC + 19 * HOUR);
    expect(scheduler.tick()).toBe(1);
    clock.set(MIDNIGHT_UTC + DAY + 17 * HOUR);
    expect(scheduler.tick()).toBe(1);
    expect(probeJobs(db).map((j) => [j.tenantId, j.slot - MIDNIGHT_UTC])).toEqual([
      [WIT.id, 17 * HOUR],
      [WIB.id, 19 * HOUR],
      [WIT.id, DAY + 17 * HOUR],
    ]);
  });

  it('refuses a recurrence that can never be due', () => {
    const { scheduler } = open([]);
    expect(() => scheduler.register({ ...every15, recurrence: { kind: 'every', minutes: 0 } })).toThrow();
    expect(() => scheduler.register({ ...nightly, recurrence: { kind: 'daily', at: '24:00' } })).toThrow();
  });
});
