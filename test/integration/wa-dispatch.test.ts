import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../shared/util/time.js';
import { OWNER, call, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { startFonnteServer, type FonnteServer } from '../support/fonnte-server.js';
import { createFakeWweb, type FakeWweb } from '../support/fake-wweb-client.js';
import { messageRows, seedCustomers, testTrigger, useFonnte, waSettings, whatsappOwner } from '../support/wa-harness.js';

/**
 * The send queue end to end on a real SQLite file: contract -> message (its own job) -> outbox ->
 * send handler -> Fonnte adapter -> a local server speaking Fonnte's HTTP API. The clock is pinned,
 * so backoff, quiet hours and suspension re-checks are asserted as the message's run_at, not waited
 * for; the queue is driven with runDue(). Never more than 10 sends per pinned instant, so the real rate limiter
 * (10/s by default) never has to wait for a clock that does not move.
 */

const TO = '+6281234567890';
const TARGET = '6281234567890';
const NO_GAP = { minSeconds: 0, maxSeconds: 0 };
const localTime = (zone: TimeZone, day: number, hh: number, mm = 0) => Date.UTC(2026, 0, day, hh, mm - ZONE_OFFSET_MINUTES[zone]);

describe('WhatsApp send queue', () => {
  let t: TestCore;
  let server: FonnteServer;
  let owner: OwnerSession;
  let wweb: FakeWweb;

  const wa = () => t.core.services.wa;
  const settle = () => t.core.jobs.runDue();
  const accepted = () => server.received.filter((r) => r.outcome === 'accepted');
  const acceptedTargets = () => accepted().map((r) => r.target);
  const message = (id: string) => {
    const row = wa().messages.get(id);
    if (!row) throw new Error(`no message ${id}`);
    return row;
  };
  const queue = (to: string, entityId: string) => wa().outbound.queue(owner.tenantId, testTrigger(to, entityId));
  /** Moves the pinned clock to a job's run_at (or by ms) and runs what is due. */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await settle();
  };

  /** whatsapp-web.js as the provider, its (fake) phone paired and ready. */
  async function readySession() {
    // No pause between messages: WhatsApp Web's default seconds would wait on a clock that does not move.
    await waSettings(t.core, owner, { provider: 'wwebjs', sendGap: NO_GAP });
    await ok(t.core, 'wa.session.start', {}, owner.token);
    wweb.latest().scan();
    expect((await ok(t.core, 'wa.session.status', {}, owner.token)).state).toBe('ready');
    return wweb.latest();
  }

  beforeEach(async () => {
    server = await startFonnteServer();
    wweb = createFakeWweb();
    t = createTestCore({
      wa: { clientFactory: wweb.factory, findBrowser: () => ({ ok: true, path: '/usr/bin/chromium', source: 'detected' }) },
    });
    owner = await whatsappOwner(t.core);
    await useFonnte(t.core, owner, server.url);
  });

  afterEach(async () => {
    await t.cleanup();
    await server.close();
  });

  describe('idempotency', () => {
    it('the same trigger queued twice is one message, one send, also across a restart', async () => {
      const trigger = testTrigger(TO, 'inv-42');
      const first = wa().outbound.queue(owner.tenantId, trigger);
      const again = wa().outbound.queue(owner.tenantId, trigger);
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ messageId: first.messageId, created: false });
      await settle();

      await t.restart();
      expect(t.core.services.wa.outbound.queue(owner.tenantId, trigger)).toMatchObject({ messageId: first.messageId, created: false });
      await settle();

      expect(messageRows(t.core)).toHaveLength(1);
      expect(acceptedTargets()).toEqual([TARGET]);
      // Another entity, template or recipient is another trigger.
      expect(queue(TO, 'inv-43').created).toBe(true);
      expect(queue('+6281234567891', 'inv-42').created).toBe(true);
    });

    it('an event delivered again (its cursor lost in a crash) queues nothing new', async () => {
      await waSettings(t.core, owner, { enabledEvents: ['customer_welcome'] });
      await seedCustomers(t.core, owner, 3);
      await t.core.bus.drain();
      await settle();
      expect(messageRows(t.core).map((m) => m.template_key)).toEqual(['customer_welcome', 'customer_welcome', 'customer_welcome']);

      t.core.db.prepare(`UPDATE bus_cursors SET last_seq = 0 WHERE subscriber = 'wa-notifier'`).run();
      await t.restart();
      await t.core.bus.drain();
      await settle();
      expect(messageRows(t.core)).toHaveLength(3);
      expect(accepted()).toHaveLength(3);
    });
    it('an event whose customer is gone is skipped; the notifications after it still go out', async () => {
      await waSettings(t.core, owner, { enabledEvents: ['customer_welcome'] });
      // A customer_created event for a customer that no longer exists (removed before the notifier ran).
      t.core.db.transaction(() => t.core.bus.publish('customer_created', owner.tenantId, { customerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))();
      const [after] = await seedCustomers(t.core, owner, 1);
      await t.core.bus.drain();
      await settle();

      expect(messageRows(t.core).map((m) => [m.template_key, m.entity_id])).toEqual([['customer_welcome', after?.id]]);
      const cursor = t.core.db.prepare(`SELECT failures, last_error FROM bus_cursors WHERE subscriber = 'wa-notifier'`).get();
      expect(cursor).toEqual({ failures: 0, last_error: null });
    });
  });

  describe('opt-out', () => {
    it('an opted-out number is skipped and never reaches the provider', async () => {
      await ok(t.core, 'wa.optOut.set', { phone: '0812-3456-7890', optedOut: true, reason: 'minta berhenti' }, owner.token);
      const queued = queue(TO, 'inv-1');
      expect(queued.status).toBe('skipped');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'skipped', error_code: 'OPTED_OUT', run_at: null });
      expect(server.received).toHaveLength(0);

      // Opted back in: the next trigger goes.
      await ok(t.core, 'wa.optOut.set', { phone: TO, optedOut: false }, owner.token);
      queue(TO, 'inv-2');
      await settle();
      expect(acceptedTargets()).toEqual([TARGET]);
    });

    it('a number that opts out while its message waits is skipped at send time', async () => {
      wa().settings.setSuspended(owner.tenantId, true);
      const queued = queue(TO, 'inv-1');
      await settle();
      await ok(t.core, 'wa.optOut.set', { phone: TO, optedOut: true }, owner.token);
      wa().settings.setSuspended(owner.tenantId, false);
      await advance(60_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'skipped', error_code: 'OPTED_OUT' });
      expect(server.received).toHaveLength(0);
    });

    it('a broadcast marks opted-out recipients skipped and sends to the rest', async () => {
      const people = await seedCustomers(t.core, owner, 6);
      const out = [people[1], people[4]].map((p) => p?.phone ?? '');
      for (const phone of out) await ok(t.core, 'wa.optOut.set', { phone, optedOut: true }, owner.token);

      const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Gangguan sudah pulih.' }, owner.token);
      expect(broadcast.total).toBe(6);
      await settle();

      const progress = (await ok(t.core, 'wa.broadcast.list', {}, owner.token))[0]?.progress;
      expect(progress).toMatchObject({ sent: 4, skipped: 2, queued: 0, failed: 0 });
      const expected = people.map((p) => p.phone.slice(1)).filter((n) => !out.includes(`+${n}`));
      expect(acceptedTargets().sort()).toEqual(expected.sort());
      expect(server.received.map((r) => r.target)).not.toContain(out[0]?.slice(1));
      expect(accepted()[0]?.message).toContain('Gangguan sudah pulih.');
    });
  });

  describe('quiet hours', () => {
    it('a message due at 22:30 WIB waits until 07:00 WIB the next morning, without using an attempt', async () => {
      await waSettings(t.core, owner, { quietHours: { start: '21:00', end: '07:00' } });
      t.clock.set(localTime('Asia/Jakarta', 5, 22, 30));
      const queued = queue(TO, 'inv-1');
      await settle();

      const row = message(queued.messageId);
      expect(new Date(row.run_at ?? 0).toISOString()).toBe(new Date(localTime('Asia/Jakarta', 6, 7)).toISOString());
      expect(row).toMatchObject({ status: 'queued', attempts: 0, tries: 0 });

      t.clock.set(localTime('Asia/Jakarta', 6, 6, 59));
      await settle();
      expect(server.received).toHaveLength(0);
      t.clock.set(localTime('Asia/Jakarta', 6, 7));
      await settle();
      expect(message(queued.messageId).status).toBe('sent');
      expect(acceptedTargets()).toEqual([TARGET]);
    });

    it('reads the window in the tenant zone (WIT), for a window that does not cross midnight', async () => {
      await ok(t.core, 'tenant.update', { timezone: 'Asia/Jayapura' }, owner.token);
      await waSettings(t.core, owner, { quietHours: { start: '12:00', end: '13:00' } });
      // 12:30 WIT is 10:30 WIB: a WIB reading would send at once.
      t.clock.set(localTime('Asia/Jayapura', 5, 12, 30));
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId).run_at).toBe(localTime('Asia/Jayapura', 5, 13));
      expect(server.received).toHaveLength(0);

      t.clock.set(localTime('Asia/Jayapura', 5, 13));
      await settle();
      expect(message(queued.messageId).status).toBe('sent');
    });
  });

  describe('quiet hours are decided at send time', () => {
    const NIGHT = () => localTime('Asia/Jakarta', 5, 22, 30);
    const MORNING = localTime('Asia/Jakarta', 6, 7);
    const held = (count: number) => Array.from({ length: count }, (_, i) => queue(`+62812345${String(i).padStart(5, '0')}`, `inv-${i}`).messageId);

    /** The pinned clock jumps hours ahead: the owner signs in again, as the office would. */
    async function at(time: number) {
      t.clock.set(time);
      owner = { ...owner, token: await login(t.core, OWNER.username, OWNER.password) };
    }

    beforeEach(async () => {
      await waSettings(t.core, owner, { quietHours: { start: '21:00', end: '07:00' } });
      await at(NIGHT());
    });

    it('held messages say when they go, and switching quiet hours off sends them at once', async () => {
      const ids = held(10);
      await settle();
      const logs = await ok(t.core, 'wa.logs.list', {}, owner.token);
      expect(logs.items.map((m) => m.heldUntil)).toEqual(ids.map(() => new Date(MORNING).toISOString()));
      expect(server.received).toHaveLength(0);

      await waSettings(t.core, owner, { quietHours: null });
      await settle();
      expect(ids.map((id) => message(id).status)).toEqual(ids.map(() => 'sent'));
      expect(ids.map((id) => message(id).held_until)).toEqual(ids.map(() => null));
      expect(new Set(acceptedTargets()).size).toBe(10);
    });

    it('shortening quiet hours releases what the new window no longer covers', async () => {
      const [id] = held(1) as [string];
      await settle();
      await at(localTime('Asia/Jakarta', 6, 5, 30));
      await settle();
      expect(message(id).status).toBe('queued');
      // 21:00-05:00 now: 05:30 is outside it.
      await waSettings(t.core, owner, { quietHours: { start: '21:00', end: '05:00' } });
      await settle();
      expect(message(id).status).toBe('sent');
    });

    it('lengthening them holds the message again, with the new time', async () => {
      const [id] = held(1) as [string];
      await settle();
      await waSettings(t.core, owner, { quietHours: { start: '21:00', end: '08:00' } });
      await settle();
      expect(message(id)).toMatchObject({ status: 'queued', held_until: localTime('Asia/Jakarta', 6, 8) });
      expect(server.received).toHaveLength(0);
    });

    it('a test send goes at once at night', async () => {
      const { messageId } = await ok(t.core, 'wa.testSend', { to: '081234567890' }, owner.token);
      await settle();
      expect(message(messageId).status).toBe('sent');
    });

    it('urgent kinds (outages) go at night; taking them off the list holds them like the rest', async () => {
      const outage = (entityId: string) =>
        wa().outbound.queue(owner.tenantId, { event: 'outage_started', templateKey: 'outage_started', to: TO, variables: { name: 'Budi', area: 'ODP-01', isp_name: 'Net' }, entityType: 'outage', entityId });
      const urgent = outage('o-1');
      await settle();
      expect(message(urgent.messageId).status).toBe('sent');

      await waSettings(t.core, owner, { nightEvents: [] });
      const later = outage('o-2');
      await settle();
      expect(message(later.messageId)).toMatchObject({ status: 'queued', held_until: MORNING });
    });

    it('a broadcast goes at once unless it chooses to respect quiet hours; then it says until when', async () => {
      await seedCustomers(t.core, owner, 3);
      const now = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Segera.' }, owner.token);
      const polite = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Besok pagi.', respectQuietHours: true }, owner.token);
      await settle();
      await settle();
      const list = await ok(t.core, 'wa.broadcast.list', {}, owner.token);
      const byId = new Map(list.map((b) => [b.id, b]));
      expect(byId.get(now.id)).toMatchObject({ respectQuietHours: false, heldUntil: null, progress: { sent: 3 } });
      expect(byId.get(polite.id)).toMatchObject({ respectQuietHours: true, heldUntil: new Date(MORNING).toISOString(), progress: { sent: 0, queued: 3 } });

      await at(MORNING);
      await settle();
      expect((await ok(t.core, 'wa.broadcast.list', {}, owner.token)).find((b) => b.id === polite.id)).toMatchObject({ heldUntil: null, progress: { sent: 3 } });
    });
  });

  describe('dry-run', () => {
    it('is refused as the fallback provider', async () => {
      const refused = await call(t.core, 'wa.settings.update', { fallbackProvider: 'dry-run' as never }, owner.token);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { fallbackProvider: expect.any(String) } } });
    });

    it('counts its sends as trials ("uji coba"), never as sent', async () => {
      await waSettings(t.core, owner, { provider: 'dry-run' });
      await seedCustomers(t.core, owner, 2);
      const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Uji.' }, owner.token);
      await settle();
      await settle();
      const [view] = (await ok(t.core, 'wa.broadcast.list', {}, owner.token)).filter((b) => b.id === broadcast.id);
      expect(view).toMatchObject({ simulated: 2, progress: { sent: 0 } });
      const logs = await ok(t.core, 'wa.logs.list', {}, owner.token);
      expect(logs.items.every((m) => m.simulated)).toBe(true);
      expect(await ok(t.core, 'wa.metrics', {}, owner.token)).toMatchObject({ sent24h: 0, simulated24h: 2 });
    });
  });

  describe('a refused token', () => {
    it('pauses the queue with one alert instead of failing every message, and a new token sends them all', async () => {
      const events: string[] = [];
      t.core.bus.subscribe('test-alerts', (e) => void (e.name === 'wa_session_changed' && events.push(e.name)), { durable: false });
      server.setTokens(['another-token']);
      const ids = Array.from({ length: 10 }, (_, i) => queue(`+62812345${String(i).padStart(5, '0')}`, `inv-${i}`).messageId);
      await settle();

      // Nothing failed: every message still waits (those already in flight learnt it together).
      expect(ids.map((id) => message(id).status)).toEqual(ids.map(() => 'queued'));
      expect((await ok(t.core, 'wa.failures.list', {}, owner.token)).items).toEqual([]);
      const asked = server.received.length;
      const status = await ok(t.core, 'wa.session.status', {}, owner.token);
      expect(status.paused).toMatchObject({ code: 'INVALID_TOKEN' });
      expect(events).toHaveLength(1);
      // While paused, nothing more is tried: the provider is not hammered with a token it refuses.
      await advance(10 * 60_000);
      expect(server.received).toHaveLength(asked);
      expect(events).toHaveLength(1);

      server.setTokens(['test-device-token', 'another-token']);
      await waSettings(t.core, owner, { fonnteToken: 'another-token' });
      expect((await ok(t.core, 'wa.session.status', {}, owner.token)).paused).toBeNull();
      await settle();
      expect(ids.map((id) => message(id).status)).toEqual(ids.map(() => 'sent'));
    });
  });

  describe('suspension', () => {
    it('sends nothing while suspended, keeps the messages queued with their attempts, and sends them once lifted', async () => {
      wa().settings.setSuspended(owner.tenantId, true);
      const ids = [1, 2, 3].map((n) => queue(`+628123456789${n}`, `inv-${n}`).messageId);
      await settle();
      // Many re-checks: a suspension that lasts must not use up the three attempts.
      for (let check = 0; check < 5; check++) {
        for (const id of ids) {
          expect(message(id)).toMatchObject({ status: 'queued', attempts: 0, tries: 0 });
          expect(message(id).run_at).toBeGreaterThan(t.clock.now());
        }
        await advance(60_000);
      }
      expect(server.received).toHaveLength(0);
      expect((await ok(t.core, 'wa.metrics', {}, owner.token)).queueDepth).toBe(3);

      wa().settings.setSuspended(owner.tenantId, false);
      await advance(60_000);
      expect(ids.map((id) => message(id).status)).toEqual(['sent', 'sent', 'sent']);
      expect(acceptedTargets().sort()).toEqual(['6281234567891', '6281234567892', '6281234567893']);
    });
  });

  describe('per-recipient cap', () => {
    it('delays the messages over perRecipientPerHour until the hour has passed; nothing fails, other numbers are not affected', async () => {
      await waSettings(t.core, owner, { perRecipientPerHour: 3 });
      const start = t.clock.now();
      const ids = [1, 2, 3, 4, 5].map((n) => queue(TO, `inv-${n}`).messageId);
      const other = queue('+6281111111111', 'inv-1').messageId;
      await settle();

      const statuses = ids.map((id) => message(id).status);
      expect(statuses.filter((s) => s === 'sent')).toHaveLength(3);
      expect(statuses.filter((s) => s === 'queued')).toHaveLength(2);
      expect(acceptedTargets().filter((x) => x === TARGET)).toHaveLength(3);
      expect(message(other).status).toBe('sent');
      expect((await ok(t.core, 'wa.failures.list', {}, owner.token)).items).toEqual([]);
      for (const id of ids.filter((id) => message(id).status === 'queued')) {
        // Waiting, without using up an attempt, until the first send of the hour is an hour old.
        expect(message(id)).toMatchObject({ status: 'queued', attempts: 0, tries: 0 });
        expect(message(id).run_at).toBeGreaterThanOrEqual(start + 60 * 60_000);
      }

      // An hour later the number may be written to again: the delayed two go.
      await advance(60 * 60_000);
      expect(ids.map((id) => message(id).status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
      expect(acceptedTargets().filter((x) => x === TARGET)).toHaveLength(5);
    });
  });

  describe('failover', () => {
    // Dry-run can no longer be a fallback (it would count failures as sent): WhatsApp Web, paired.
    beforeEach(async () => {
      await waSettings(t.core, owner, { fallbackProvider: 'wwebjs', sendGap: NO_GAP });
      await wa().providers.session(owner.tenantId).start();
      wweb.latest().scan();
    });

    it('a disconnected Fonnte device sends the message through the fallback, marked as failover', async () => {
      server.setConnected(false);
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', error_code: 'DEVICE_DISCONNECTED', provider: 'fonnte' });
      await advance((message(queued.messageId).run_at ?? 0) - t.clock.now());

      const logs = await ok(t.core, 'wa.logs.list', {}, owner.token);
      expect(logs.items).toHaveLength(1);
      expect(logs.items[0]).toMatchObject({ status: 'sent', provider: 'wwebjs', failover: true, attempts: 2, errorCode: null });
      expect(server.received.map((r) => r.reason)).toEqual(['disconnected device']);
    });

    it('a retryable provider error stays on the primary for two attempts; the third goes to the fallback', async () => {
      server.failNext(2, 'http500');
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', provider: 'fonnte', failover: 0 });
      await advance(2_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', provider: 'fonnte', failover: 0, attempts: 2 });
      expect(server.received).toHaveLength(2);
      await advance(4_000);

      expect(message(queued.messageId)).toMatchObject({ status: 'sent', provider: 'wwebjs', failover: 1, attempts: 3 });
      // The primary would have taken it now; the last attempt went to the fallback all the same.
      expect(server.received).toHaveLength(2);
      expect(accepted()).toHaveLength(0);
    });

    it('a timeout is parked as MAYBE_SENT: neither resent to the primary nor handed to the fallback', async () => {
      server.failNext(1, 'timeout');
      // Only timers are faked: the adapter's 15 s deadline passes at once, the network stays real.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const queued = queue(TO, 'inv-1');
        const run = settle();
        // Polled with setImmediate and the real Date: both are left alone by these fake timers.
        const deadline = Date.now() + 10_000;
        while (server.received.length === 0) {
          if (Date.now() > deadline) throw new Error('the request never reached the Fonnte server');
          await new Promise((resolve) => setImmediate(resolve));
        }
        await vi.advanceTimersByTimeAsync(15_000);
        await run;
        expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', provider: 'fonnte', failover: 0 });
      } finally {
        vi.useRealTimers();
      }
      await advance(120_000);
      expect(server.received).toHaveLength(1);
      const [failure] = (await ok(t.core, 'wa.failures.list', {}, owner.token)).items;
      expect(failure).toMatchObject({ errorCode: 'MAYBE_SENT', provider: 'fonnte' });
    });
  });

  describe('retry policy', () => {
    it('retries provider errors after 2 s then 4 s, gives up after 3 attempts, and a person can retry', async () => {
      server.failNext(3, 'http500');
      const start = t.clock.now();
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', attempts: 1, tries: 1, run_at: start + 2_000, error_code: 'PROVIDER_ERROR' });

      await advance(1_999);
      expect(server.received).toHaveLength(1);
      await advance(1);
      expect(server.received).toHaveLength(2);
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', attempts: 2, tries: 2, run_at: start + 2_000 + 4_000 });

      await advance(4_000);
      expect(server.received).toHaveLength(3);
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', attempts: 3 });
      await advance(120_000);
      expect(server.received).toHaveLength(3);

      const failures = (await ok(t.core, 'wa.failures.list', {}, owner.token)).items;
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ id: queued.messageId, status: 'failed', errorCode: 'PROVIDER_ERROR', attempts: 3, to: '+62812****7890' });
      expect(failures[0]?.errorMessage).toContain('HTTP 500');

      const retried = await ok(t.core, 'wa.failures.retry', { messageId: queued.messageId }, owner.token);
      expect(retried).toMatchObject({ status: 'queued', errorCode: null });
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'sent', attempts: 4 });
      expect(acceptedTargets()).toEqual([TARGET]);
      expect((await ok(t.core, 'wa.failures.list', {}, owner.token)).items).toEqual([]);
      expect(await call(t.core, 'wa.failures.retry', { messageId: queued.messageId }, owner.token)).toMatchObject({ error: { code: 'CONFLICT' } });
    });

    it('does not retry a refusal that cannot succeed (quota used up)', async () => {
      server.setQuota(0);
      const queued = queue(TO, 'inv-1');
      await settle();
      await advance(120_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'PROVIDER_QUOTA', attempts: 1 });
      expect(server.received).toHaveLength(1);
    });
  });

  describe('broadcast cancel', () => {
    it('stops a message already waiting for a rate-limit slot', async () => {
      await waSettings(t.core, owner, { ratePerSecond: 1 });
      await seedCustomers(t.core, owner, 2);
      const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Salah kirim.' }, owner.token);
      // The queue works on its own here (runDue would wait for the sleeper): one goes, one waits for its slot.
      await vi.waitFor(
        () => {
          expect(accepted()).toHaveLength(1);
          expect(wa().outbox.inFlight()).toHaveLength(1);
        },
        { timeout: 5_000 },
      );
      const [waiting] = wa().outbox.inFlight();
      expect(message(waiting ?? '').status).toBe('queued');

      await ok(t.core, 'wa.broadcast.cancel', { id: broadcast.id }, owner.token);
      t.clock.advance(1_005);
      await vi.waitFor(() => expect(wa().outbox.inFlight()).toEqual([]), { timeout: 5_000 });
      expect(message(waiting ?? '').status).toBe('cancelled');

      expect(accepted()).toHaveLength(1);
      expect((await ok(t.core, 'wa.broadcast.list', {}, owner.token))[0]?.progress).toMatchObject({ sent: 1, cancelled: 1, sending: 0 });
    });
  });

  describe('after a crash', () => {
    it('a message still queued when the app died is sent, however many restarts interrupted it', async () => {
      wa().settings.setSuspended(owner.tenantId, true);
      const queued = queue(TO, 'inv-1');
      await settle();
      // Killed three times while it waited (for a rate-limit slot, say) before any send: a claim
      // is not written, so what the restart reads is the message, still queued.
      for (let crash = 0; crash < 3; crash++) {
        await t.core.jobs.stop();
        await t.restart();
      }
      t.core.services.wa.settings.setSuspended(owner.tenantId, false);
      await advance(60_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(acceptedTargets()).toEqual([TARGET]);
    });

    describe('on WhatsApp Web, the chat is read instead of waiting for a person', () => {
      /** A message the app had marked 'sending' when it was killed; `reached`: the page had handed it to WhatsApp. */
      async function crashMidSend(reached: boolean) {
        const before = await readySession();
        wa().settings.setSuspended(owner.tenantId, true);
        const queued = queue(TO, 'inv-1');
        await settle();
        await t.core.jobs.stop();
        expect(await wa().messages.markSending(message(queued.messageId).seq, 'wwebjs', false)).toBe(true);
        if (reached) await before.sendMessage(`${TARGET}@c.us`, message(queued.messageId).content);
        t.core.services.wa.settings.setSuspended(owner.tenantId, false);
        await t.restart();
        return { id: queued.messageId, before };
      }
      const sentTo = (chatId: string) => wweb.clients.flatMap((c) => c.sent).filter((m) => m.chatId === chatId);

      it('found in the chat: recorded sent with WhatsApp\'s id, never sent again', async () => {
        const { id, before } = await crashMidSend(true);
        wweb.latest().scan();
        await advance(2 * 60_000);
        expect(message(id)).toMatchObject({ status: 'sent', provider_message_id: before.sent[0]?.message.id._serialized, error_code: null });
        await advance(60 * 60_000);
        expect(sentTo(`${TARGET}@c.us`)).toHaveLength(1);
      });

      it('not in the chat: it never left, so it is sent now, once', async () => {
        const { id } = await crashMidSend(false);
        wweb.latest().scan();
        await advance(2 * 60_000);
        expect(message(id).status).toBe('sent');
        await advance(60 * 60_000);
        expect(sentTo(`${TARGET}@c.us`)).toHaveLength(1);
      });

      it('a chat that cannot be read for half an hour: parked as MAYBE_SENT for a person, nothing sent', async () => {
        const { id } = await crashMidSend(false);
        // The phone never reconnects: the session stays unready.
        await advance(2 * 60_000);
        expect(message(id).status).toBe('sending');
        for (let minute = 0; minute < 30; minute++) await advance(60_000);
        expect(message(id)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT' });
        expect(sentTo(`${TARGET}@c.us`)).toHaveLength(0);
      });
    });

    it('a message left sending is parked as MAYBE_SENT, not sent again; a person may resend it', async () => {
      wa().settings.setSuspended(owner.tenantId, true);
      const queued = queue(TO, 'inv-1');
      await settle();
      await t.core.jobs.stop();
      // Awaited, and checked before the restart: what the crash leaves behind must be on disk
      // already, not written by the shutdown's own flush.
      expect(await wa().messages.markSending(message(queued.messageId).seq, 'fonnte', false)).toBe(true);
      expect(message(queued.messageId).status).toBe('sending');
      t.core.services.wa.settings.setSuspended(owner.tenantId, false);
      await t.restart();
      await advance(60_000);

      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT' });
      expect(server.received).toHaveLength(0);
      const [failure] = (await ok(t.core, 'wa.failures.list', {}, owner.token)).items;
      expect(failure?.errorCode).toBe('MAYBE_SENT');
      await ok(t.core, 'wa.failures.retry', { messageId: queued.messageId }, owner.token);
      await settle();
      expect(acceptedTargets()).toEqual([TARGET]);
    });
  });

  describe('maybe sent: decided by how far the request got, not by the kind of error', () => {
    /** Runs what is due while faked timers let the adapters' deadlines pass at once. */
    async function settlePastDeadlines() {
      let done = false;
      const run = settle().then(() => {
        done = true;
      });
      while (!done) await vi.advanceTimersByTimeAsync(60_000);
      await run;
    }

    it('a number check that timed out, before anything was sent, is retried rather than parked', async () => {
      const client = await readySession();
      client.hangNextNumberCheck();
      const queued = queue(TO, 'inv-1');
      // Only timers are faked: the provider's 60 s deadline passes at once, the database stays real.
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        await settlePastDeadlines();
      } finally {
        vi.useRealTimers();
      }
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', attempts: 1, tries: 1, error_code: 'TIMEOUT' });
      expect(client.sent).toHaveLength(0);

      await advance(2_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(client.sent).toHaveLength(1);
    });

    it('a sendMessage that timed out is parked as MAYBE_SENT, not resent', async () => {
      const client = await readySession();
      client.hangNextSend();
      const queued = queue(TO, 'inv-1');
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        await settlePastDeadlines();
      } finally {
        vi.useRealTimers();
      }
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT' });
    });

    it('a connection dropped after the request was written is parked as MAYBE_SENT, not resent', async () => {
      server.failNext(1, 'reset');
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', attempts: 1 });
      await advance(120_000);
      expect(server.received).toHaveLength(1);
    });

    it('Fonnte accepted the message and the connection dropped during its answer: parked as MAYBE_SENT, never resent', async () => {
      server.failNext(1, 'accepted-then-cut');
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', attempts: 1 });
      await advance(120_000);
      expect(acceptedTargets()).toEqual([TARGET]);
      expect(server.received).toHaveLength(1);
    });

    it('Fonnte accepted the message and the answer was unreadable (a proxy page with HTTP 200): parked, never resent', async () => {
      server.failNext(1, 'accepted-unreadable');
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', attempts: 1 });
      await advance(120_000);
      expect(server.received).toHaveLength(1);
    });

    it('a connection refused before anything was written is retried', async () => {
      const gone = await startFonnteServer();
      await gone.close();
      await useFonnte(t.core, owner, gone.url);
      const queued = queue(TO, 'inv-1');
      await settle();
      expect(message(queued.messageId)).toMatchObject({ status: 'queued', attempts: 1, error_code: 'NETWORK' });
      await useFonnte(t.core, owner, server.url);
      await advance(2_000);
      expect(message(queued.messageId)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(acceptedTargets()).toEqual([TARGET]);
    });
  });

  describe('recording the outcome', () => {
    it('a sent message whose "sent" write fails is parked with the provider id, never resent', async () => {
      // The database refuses exactly the 'sent' write, as a full disk or a locked file would.
      t.core.db.exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON wa_messages WHEN NEW.status = 'sent'
        BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
      const queued = queue(TO, 'inv-1');
      await settle();
      const [received] = accepted();
      expect(received).toBeDefined();
      const row = message(queued.messageId);
      expect(row).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT' });
      expect(row.error_message).toContain(received?.id ?? '?');
      expect(row.error_message).toContain('database or disk is full');
      await advance(120_000);
      expect(server.received).toHaveLength(1);
    });
  });

  describe('delivery receipts (whatsapp-web.js)', () => {
    const statusOf = async (id: string) => (await ok(t.core, 'wa.logs.list', {}, owner.token)).items.find((m) => m.id === id);

    it('moves the log from sent to delivered to read, and a late receipt never moves it back', async () => {
      const client = await readySession();
      const queued = queue(TO, 'inv-1');
      await settle();
      const sent = message(queued.messageId);
      expect(sent).toMatchObject({ status: 'sent', provider: 'wwebjs' });
      expect(client.sent.map((s) => s.chatId)).toEqual([`${TARGET}@c.us`]);
      const providerId = sent.provider_message_id ?? '';
      expect(providerId).toBe(client.sent[0]?.message.id._serialized);

      client.ack(providerId, 1);
      expect(await statusOf(queued.messageId)).toMatchObject({ status: 'sent', deliveredAt: null });
      t.clock.advance(5_000);
      client.ack(providerId, 2);
      expect(await statusOf(queued.messageId)).toMatchObject({ status: 'delivered', deliveredAt: new Date(t.clock.now()).toISOString(), readAt: null });
      t.clock.advance(5_000);
      client.ack(providerId, 3);
      const read = await statusOf(queued.messageId);
      expect(read).toMatchObject({ status: 'read', readAt: new Date(t.clock.now()).toISOString() });

      // Receipts arrive out of order: an older one, or a repeat, changes nothing.
      for (const late of [2, 1, 3, 2]) client.ack(providerId, late);
      expect(await statusOf(queued.messageId)).toEqual(read);
    });

    it('keeps receipts that arrive before "sent" is written and applies them once it is', async () => {
      const client = await readySession();
      client.ackOnNextSend(2, 3);
      const queued = queue(TO, 'inv-1');
      await settle();
      const row = message(queued.messageId);
      expect(row).toMatchObject({ status: 'read', provider_message_id: client.sent[0]?.message.id._serialized });
      expect(row.delivered_at).toBe(t.clock.now());
      expect(row.read_at).toBe(t.clock.now());
    });

    it('a message read by its recipient is not turned into a failure by a late error receipt', async () => {
      const client = await readySession();
      const queued = queue(TO, 'inv-1');
      await settle();
      const providerId = message(queued.messageId).provider_message_id ?? '';
      client.ack(providerId, 3);
      client.ack(providerId, -1);
      expect(message(queued.messageId).status).toBe('read');
    });

    it('a sent message the provider later reports as failed shows in failures and can be resent', async () => {
      const client = await readySession();
      const queued = queue(TO, 'inv-1');
      await settle();
      client.ack(message(queued.messageId).provider_message_id ?? '', -1);
      const [failure] = (await ok(t.core, 'wa.failures.list', {}, owner.token)).items;
      expect(failure).toMatchObject({ id: queued.messageId, status: 'failed' });

      expect(await ok(t.core, 'wa.failures.retry', { messageId: queued.messageId }, owner.token)).toMatchObject({ status: 'queued' });
      await settle();
      expect(message(queued.messageId).status).toBe('sent');
      expect(client.sent).toHaveLength(2);
    });
  });
});
