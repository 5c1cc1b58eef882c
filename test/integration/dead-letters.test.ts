import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from '../../main/bus/index.js';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { silentLogger } from '../../main/platform/index.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { call, createOwner, createTestCore, login, makeTempDir, ok, pinnedClock, type OwnerSession, type TestCore } from '../support/core-fixture.js';

const TENANT = '01JH0000000000000000000000';
const GONE = '01JH000000000000000000GONE';
const customerId = (n: number) => `01JH00000000000000000000${String(n).padStart(2, '0')}`;
const customerOf = (e: DomainEvent) => (e.payload as { customerId: string }).customerId;

describe('event bus dead letters', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir, 'rrnet.sqlite'));
    migrate(db, migrations);
    bus = new EventBus(db, pinnedClock(), silentLogger, { maxFailures: 3, retryBaseMs: 1 });
  });
  afterEach(() => {
    bus.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a poisoned event no longer blocks the next events; retry re-delivers it', async () => {
    const handled: string[] = [];
    let customerGone = true;
    bus.subscribe(
      'notifier',
      (e) => {
        if (customerOf(e) === GONE && customerGone) throw new Error('customer not found');
        handled.push(customerOf(e));
      },
      { durable: true },
    );
    db.transaction(() => {
      bus.publish('customer_created', TENANT, { customerId: GONE });
      bus.publish('customer_created', TENANT, { customerId: customerId(1) });
      bus.publish('customer_created', TENANT, { customerId: customerId(2) });
    })();

    await vi.waitFor(() => expect(handled).toEqual([customerId(1), customerId(2)]));
    const [letter] = bus.deadLetters.list(TENANT);
    expect(letter).toMatchObject({ subscriber: 'notifier', event: 'customer_created', error: 'customer not found', failures: 3 });
    expect(db.prepare(`SELECT last_seq, failures FROM bus_cursors WHERE subscriber = 'notifier'`).get()).toEqual({ last_seq: 3, failures: 0 });
    expect(bus.deadLetters.list('01JH00000000000000000OTHER')).toEqual([]);

    // Still failing: the letter stays, with one more failure.
    expect(await bus.retryDeadLetter(TENANT, letter!.id)).toMatchObject({ delivered: false, deadLetter: { id: letter!.id, failures: 4 } });
    customerGone = false;
    expect(await bus.retryDeadLetter(TENANT, letter!.id)).toEqual({ delivered: true, deadLetter: null });
    expect(handled).toEqual([customerId(1), customerId(2), GONE]);
    expect(bus.deadLetters.list(TENANT)).toEqual([]);
    expect(await bus.retryDeadLetter(TENANT, letter!.id)).toBeNull();
  });

  it('failures carry over a restart, so an event that keeps failing is parked all the same', async () => {
    const failing = () => {
      throw new Error('still broken');
    };
    // One failure, then the next try would be a minute away: the app is closed before it.
    bus.close();
    bus = new EventBus(db, pinnedClock(), silentLogger, { maxFailures: 2, retryBaseMs: 60_000 });
    bus.subscribe('notifier', failing, { durable: true });
    bus.publish('customer_created', TENANT, { customerId: GONE });
    await vi.waitFor(() => expect(db.prepare(`SELECT failures FROM bus_cursors WHERE subscriber = 'notifier'`).pluck().get()).toBe(1));
    bus.close();

    // After the restart the second failure is the last one allowed: parked at once, not a minute later.
    bus = new EventBus(db, pinnedClock(), silentLogger, { maxFailures: 2, retryBaseMs: 60_000 });
    bus.subscribe('notifier', failing, { durable: true });
    await vi.waitFor(() => expect(bus.deadLetters.list(TENANT)).toHaveLength(1));
  });
});

describe('system.deadLetters contract', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  it('the owner lists parked events and retries one; other roles may not', async () => {
    const seen: string[] = [];
    t.core.bus.subscribe('probe', (e) => void (e.name === 'customer_created' && seen.push(customerOf(e))), { durable: true });
    t.core.bus.deadLetters.park('probe', { name: 'customer_created', tenantId: owner.tenantId, payload: { customerId: GONE }, seq: 7, at: '2026-01-05T02:00:00.000Z' }, 5, 'customer not found');

    const [letter] = await ok(t.core, 'system.deadLetters.list', {}, owner.token);
    expect(letter).toMatchObject({ subscriber: 'probe', event: 'customer_created', error: 'customer not found', failures: 5, eventAt: '2026-01-05T02:00:00.000Z' });

    await ok(t.core, 'users.create', { username: 'admin', displayName: 'Admin', role: 'admin', password: 'rahasia-admin' }, owner.token);
    const admin = await login(t.core, 'admin', 'rahasia-admin');
    expect(await call(t.core, 'system.deadLetters.list', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, 'system.deadLetters.retry', { id: letter!.id }, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await ok(t.core, 'system.deadLetters.retry', { id: letter!.id }, owner.token)).toEqual({ delivered: true, deadLetter: null });
    expect(seen).toEqual([GONE]);
    expect(await ok(t.core, 'system.deadLetters.list', {}, owner.token)).toEqual([]);
    expect(await call(t.core, 'system.deadLetters.retry', { id: letter!.id }, owner.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
