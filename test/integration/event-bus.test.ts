import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from '../../main/bus/index.js';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { silentLogger } from '../../main/platform/index.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { createTestCore, makeTempDir, pinnedClock } from '../support/core-fixture.js';

const TENANT = '01JH0000000000000000000000';
const customerId = (n: number) => `01JH00000000000000000000${String(n).padStart(2, '0')}`;
const ids = (events: DomainEvent[]) => events.map((e) => (e.payload as { customerId: string }).customerId);

describe('event bus (transactional outbox)', () => {
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
    await bus.drain();
    bus.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const publishCommitted = (...ns: number[]) =>
    db.transaction(() => {
      for (const n of ns) bus.publish('customer_created', TENANT, { customerId: customerId(n) });
    })();

  it('delivers nothing when the transaction that published rolls back', async () => {
    const seen: DomainEvent[] = [];
    bus.subscribe('probe', (e) => void seen.push(e), { durable: true });
    expect(() =>
      db.transaction(() => {
        bus.publish('customer_created', TENANT, { customerId: customerId(1) });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    await bus.drain();
    expect(seen).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);

    publishCommitted(2);
    await bus.drain();
    expect(ids(seen)).toEqual([customerId(2)]);
  });

  it('delivers committed events to every subscriber, in order, with increasing seq', async () => {
    const a: DomainEvent[] = [];
    const b: DomainEvent[] = [];
    bus.subscribe('a', (e) => void a.push(e), { durable: true });
    bus.subscribe('b', async (e) => {
      await new Promise((r) => setImmediate(r));
      b.push(e);
    }, { durable: false });
    publishCommitted(1, 2);
    publishCommitted(3);
    bus.publish('customer_updated', TENANT, { customerId: customerId(1) });
    await bus.drain();
    for (const seen of [a, b]) {
      expect(seen.map((e) => e.name)).toEqual(['customer_created', 'customer_created', 'customer_created', 'customer_updated']);
      expect(ids(seen)).toEqual([1, 2, 3, 1].map(customerId));
      expect(seen.map((e) => e.seq)).toEqual([...seen.map((e) => e.seq)].sort((x, y) => x - y));
      expect(seen.every((e) => e.tenantId === TENANT && typeof e.at === 'string')).toBe(true);
    }
  });

  it('a throwing subscriber holds up no one else and gets the event again, still in order', async () => {
    const healthy: DomainEvent[] = [];
    const flaky: DomainEvent[] = [];
    let failuresLeft = 1;
    bus.subscribe('healthy', (e) => void healthy.push(e), { durable: true });
    bus.subscribe('flaky', (e) => {
      flaky.push(e);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('provider down');
      }
    }, { durable: true });

    publishCommitted(1, 2, 3);
    await bus.drain();
    expect(ids(healthy)).toEqual([1, 2, 3].map(customerId));
    expect(ids(flaky)).toEqual([customerId(1)]);
    expect(db.prepare(`SELECT failures, last_error FROM bus_cursors WHERE subscriber = 'flaky'`).get()).toEqual({
      failures: 1,
      last_error: 'provider down',
    });

    // The retry runs on its own timer (real time, backed off); wait for it rather than poke internals.
    await vi.waitFor(() => expect(flaky).toHaveLength(4), { timeout: 5_000, interval: 50 });
    expect(ids(flaky)).toEqual([1, 1, 2, 3].map(customerId));
    expect(db.prepare(`SELECT failures, last_error FROM bus_cursors WHERE subscriber = 'flaky'`).get()).toEqual({
      failures: 0,
      last_error: null,
    });
  });

  it("a subscriber's writes for an event commit with the cursor past it; a failing event leaves none of its writes", async () => {
    db.exec('CREATE TABLE probe (customer_id TEXT NOT NULL)');
    const write = db.prepare('INSERT INTO probe (customer_id) VALUES (?)');
    let failuresLeft = 1;
    bus.subscribe('writer', (e) => {
      const id = (e.payload as { customerId: string }).customerId;
      write.run(id);
      if (id === customerId(2) && failuresLeft-- > 0) throw new Error('half done');
    }, { durable: true });

    publishCommitted(1, 2, 3);
    await bus.drain();
    const written = () => db.prepare('SELECT customer_id FROM probe ORDER BY rowid').pluck().all();
    const cursor = () => db.prepare(`SELECT last_seq FROM bus_cursors WHERE subscriber = 'writer'`).pluck().get();
    const seqOf = (n: number) => db.prepare(`SELECT seq FROM outbox WHERE payload LIKE ?`).pluck().get(`%${customerId(n)}%`);
    // The first event's write and the cursor past it are in; the failed one left nothing half written.
    expect(written()).toEqual([customerId(1)]);
    expect(cursor()).toBe(seqOf(1));

    await vi.waitFor(() => expect(written()).toHaveLength(3), { timeout: 5_000, interval: 50 });
    expect(written()).toEqual([1, 2, 3].map(customerId));
    expect(cursor()).toBe(seqOf(3));
  });

  it('a new durable subscriber starts at the end instead of replaying history', async () => {
    publishCommitted(1, 2);
    await bus.drain();
    const seen: DomainEvent[] = [];
    bus.subscribe('late', (e) => void seen.push(e), { durable: true });
    publishCommitted(3);
    await bus.drain();
    expect(ids(seen)).toEqual([customerId(3)]);
  });

  it('prunes only what every durable subscriber has seen', async () => {
    let block = true;
    bus.subscribe('fast', () => {}, { durable: true });
    bus.subscribe('slow', () => {
      if (block) throw new Error('not yet');
    }, { durable: true });
    publishCommitted(1, 2);
    await bus.drain();
    expect(bus.prune()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(2);
    block = false;
    await vi.waitFor(() => expect(db.prepare(`SELECT failures FROM bus_cursors WHERE subscriber = 'slow'`).pluck().get()).toBe(0), {
      timeout: 5_000,
      interval: 50,
    });
    await bus.drain();
    expect(bus.prune()).toBe(2);
  });
});

describe('durable subscriber across a restart', () => {
  it('resumes from its saved cursor: nothing lost, nothing replayed', async () => {
    const fixture = createTestCore();
    try {
      const publish = (n: number) => {
        const { core } = fixture;
        core.db.transaction(() => core.bus.publish('customer_created', TENANT, { customerId: customerId(n) }))();
      };
      const { core } = fixture;

      const before: DomainEvent[] = [];
      core.bus.subscribe('notifier', (e) => void before.push(e), { durable: true });
      publish(1);
      publish(2);
      await core.bus.drain();
      expect(ids(before)).toEqual([1, 2].map(customerId));

      // Events published while the subscriber is not registered (the app restarting) must wait for it.
      const core2 = await fixture.restart();
      publish(3);
      publish(4);
      await core2.bus.drain();

      const after: DomainEvent[] = [];
      core2.bus.subscribe('notifier', (e) => void after.push(e), { durable: true });
      await core2.bus.drain();
      expect(ids(after)).toEqual([3, 4].map(customerId));
    } finally {
      await fixture.cleanup();
    }
  });

  it('an event whose handling failed before the app stopped is delivered again after the restart', async () => {
    const fixture = createTestCore();
    try {
      const publish = (n: number) => {
        const { core } = fixture;
        core.db.transaction(() => core.bus.publish('customer_created', TENANT, { customerId: customerId(n) }))();
      };
      const first: DomainEvent[] = [];
      fixture.core.bus.subscribe('notifier', (e) => {
        first.push(e);
        if (ids([e])[0] === customerId(2)) throw new Error('killed mid-way');
      }, { durable: true });
      publish(1);
      publish(2);
      await fixture.core.bus.drain();
      expect(ids(first)).toEqual([1, 2].map(customerId));

      const core2 = await fixture.restart();
      const second: DomainEvent[] = [];
      core2.bus.subscribe('notifier', (e) => void second.push(e), { durable: true });
      await core2.bus.drain();
      expect(ids(second)).toEqual([customerId(2)]);
    } finally {
      await fixture.cleanup();
    }
  });
});
