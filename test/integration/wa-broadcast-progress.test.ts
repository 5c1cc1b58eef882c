import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendLimiter } from '../../main/wa/index.js';
import type { MessageStatus } from '../../main/wa/message-store.js';
import { createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createFakeWweb } from '../support/fake-wweb-client.js';
import { startFonnteServer, type FonnteFailure, type FonnteServer } from '../support/fonnte-server.js';
import { messageRows, seedCustomers, useFonnte, whatsappOwner } from '../support/wa-harness.js';

const noLimits: SendLimiter = { acquire: () => ({ waitMs: 0, recipientCapped: false }), settle: () => undefined };
const STATUSES: MessageStatus[] = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'skipped'];
const FAILURES: FonnteFailure[] = ['http500', 'disconnected', 'reset', 'http429', { reason: 'target invalid' }];

/** A small seeded generator (mulberry32): the same "random" mix on every run. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { below: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
}

/**
 * The broadcast counters (wa_broadcast_progress) are kept by triggers with every status change;
 * whatever happens to the messages, they must equal a GROUP BY over them.
 */
describe('broadcast progress counters', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let server: FonnteServer;

  beforeEach(async () => {
    server = await startFonnteServer();
    const wweb = createFakeWweb();
    t = createTestCore({ wa: { limiter: noLimits, clientFactory: wweb.factory, findBrowser: () => ({ ok: true, path: '/usr/bin/chromium', source: 'detected' }) } });
    owner = await whatsappOwner(t.core);
    // A fallback, so provider-side failures move messages over to it (WhatsApp Web, paired: dry-run is never a fallback).
    await useFonnte(t.core, owner, server.url, { fallbackProvider: 'wwebjs' });
    await t.core.services.wa.providers.session(owner.tenantId).start();
    wweb.latest().scan();
    await seedCustomers(t.core, owner, 40);
  });
  afterEach(async () => {
    await t.cleanup();
    await server.close();
  });

  const counters = (id: string) => {
    const row = t.core.db.prepare('SELECT * FROM wa_broadcast_progress WHERE broadcast_id = ?').get(id) as Record<MessageStatus, number>;
    return Object.fromEntries(STATUSES.map((s) => [s, row[s]]));
  };
  const recount = (id: string) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const m of messageRows(t.core, 'broadcast_id = ?', id)) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return counts;
  };

  it('equal a recount after a random mix of sends, failures, failovers, retries, receipts, opt-outs, cancel and purge', async () => {
    const random = seeded(6);
    // Suspended at first, so messages wait in the queue (opt-outs and the cancel find some).
    t.core.services.wa.settings.setSuspended(owner.tenantId, true);
    const create = (message: string) => ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message }, owner.token);
    const broadcasts = [await create('Pemeliharaan jaringan malam ini.'), await create('Gangguan sudah pulih.')];
    const ids = broadcasts.map((b) => b.id);
    const seen = new Set<MessageStatus>();
    const check = () => {
      for (const id of ids) expect(counters(id), id).toEqual(recount(id));
      for (const m of messageRows(t.core, 'broadcast_id IS NOT NULL')) seen.add(m.status);
    };

    await t.core.jobs.runDue();
    for (let step = 0; step < 80; step++) {
      const rows = messageRows(t.core, 'broadcast_id IS NOT NULL');
      // A few things happen at set steps, so each kind is sure to; the rest is the random mix.
      if (step === 2) await ok(t.core, 'wa.broadcast.cancel', { id: ids[1] as string }, owner.token);
      else if (step === 4) server.failNext(2, 'disconnected');
      else if (step === 5) t.core.services.wa.settings.setSuspended(owner.tenantId, false);
      else {
        const action = step < 5 ? 3 : random.below(6);
        if (action === 0) server.failNext(1 + random.below(3), random.pick(FAILURES));
        else if (action === 1) {
          const sent = rows.filter((m) => m.provider_message_id !== null);
          const target = sent.length > 0 ? random.pick(sent) : null;
          if (target?.provider_message_id) t.core.services.wa.messages.applyAck(target.provider_message_id, random.pick(['delivered', 'read', 'failed'] as const));
        } else if (action === 2) {
          const failed = rows.filter((m) => m.status === 'failed');
          if (failed.length > 0) await ok(t.core, 'wa.failures.retry', { messageId: random.pick(failed).id }, owner.token);
        } else if (action === 3) {
          const queued = rows.filter((m) => m.status === 'queued');
          if (queued.length > 0) await ok(t.core, 'wa.optOut.set', { phone: random.pick(queued).to_number, optedOut: true }, owner.token);
        } else {
          t.clock.advance(random.pick([1_000, 2_000, 4_000, 60_000]));
          await t.core.jobs.runDue();
        }
      }
      check();
    }
    // Then the queue runs dry: the retries and failovers still due go out.
    for (let round = 0; round < 5; round++) {
      t.clock.advance(60_000);
      await t.core.jobs.runDue();
      check();
    }

    // Every kind of transition happened along the way.
    const rows = messageRows(t.core, 'broadcast_id IS NOT NULL');
    expect(rows.some((m) => m.failover === 1)).toBe(true);
    expect(rows.some((m) => m.attempts > 1)).toBe(true);
    expect(seen).toEqual(new Set(['queued', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'skipped']));

    // Old finished messages purged: the counters follow the deletes.
    t.clock.advance(400 * 86_400_000);
    expect(t.core.services.wa.messages.purge(owner.tenantId, 365)).toBeGreaterThan(0);
    check();
  });

  it('start from a recount for broadcasts sent before the counters existed', async () => {
    const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Uji.' }, owner.token);
    await t.core.jobs.runDue();
    // The database as it was before migration 012.
    t.core.db.exec(`DROP TRIGGER wa_broadcast_progress_start; DROP TRIGGER wa_broadcast_progress_insert;
      DROP TRIGGER wa_broadcast_progress_update; DROP TRIGGER wa_broadcast_progress_delete;
      DROP TRIGGER wa_broadcast_simulated_update; DROP TRIGGER wa_broadcast_simulated_delete;
      DROP TABLE wa_broadcast_progress; DELETE FROM schema_migrations WHERE version IN (12, 18)`);
    await t.restart();
    expect(counters(broadcast.id)).toEqual(recount(broadcast.id));
    expect(recount(broadcast.id)).toMatchObject({ sent: 40 });
  });
});

/**
 * What a running broadcast's screens ask for four times a second must not grow with the message
 * log: no query of wa.broadcast.list or wa.metrics may read all of wa_messages. Checked on SQLite's
 * own query plans of the statements each call prepares.
 */
describe('broadcast screens read bounded ranges', () => {
  let t: TestCore;
  let owner: OwnerSession;
  beforeEach(async () => {
    t = createTestCore({ wa: { limiter: noLimits } });
    owner = await whatsappOwner(t.core);
    await seedCustomers(t.core, owner, 3);
    await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Uji.' }, owner.token);
    await t.core.jobs.runDue();
  });
  afterEach(() => t.cleanup());

  /** The plan of every statement the call prepares, one line per step. */
  async function plansOf(method: 'wa.broadcast.list' | 'wa.metrics'): Promise<string[]> {
    const db = t.core.db;
    const prepare = db.prepare.bind(db);
    const statements: string[] = [];
    const spy = vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    });
    try {
      await ok(t.core, method, {}, owner.token);
    } finally {
      spy.mockRestore();
    }
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => 'x')) as { detail: string }[];
    return statements.filter((sql) => /wa_messages/.test(sql)).flatMap((sql) => plan(sql).map((p) => `${p.detail}  <- ${sql.replace(/\s+/g, ' ').slice(0, 80)}`));
  }

  it('wa.broadcast.list reads no message at all: the counters answer', async () => {
    expect(await plansOf('wa.broadcast.list')).toEqual([]);
  });

  it('wa.metrics counts the messages of the last 24 hours', async () => {
    // Sent by dry-run (the default provider): trials ("uji coba"), never counted as sent.
    expect(await ok(t.core, 'wa.metrics', {}, owner.token)).toMatchObject({ sent24h: 0, simulated24h: 3, failed24h: 0, queueDepth: 0, providerErrorRate: 0 });
    t.clock.advance(25 * 3_600_000);
    // (The session has expired by now: the service answers directly.)
    expect(t.core.services.wa.metrics(owner.tenantId)).toMatchObject({ sent24h: 0, simulated24h: 0, failed24h: 0, sendLatencyMs: { p50: 0, p95: 0 } });
  });

  it('wa.metrics reads index ranges of wa_messages, never a scan of it', async () => {
    const plans = await plansOf('wa.metrics');
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => /^SCAN wa_messages/.test(p))).toEqual([]);
  });
});
