import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate, migrations, openDatabase } from '../../main/db/index.js';
import type { Handover, OutgoingMessage, SendResult } from '../../main/wa/providers/provider.js';
import { createTestCore, makeTempDir, ok, type TestCore } from '../support/core-fixture.js';
import { messageRows, seedCustomers, testTrigger, whatsappOwner } from '../support/wa-harness.js';

/**
 * The outbox (main/wa/dispatch/outbox.ts): wa_send_queue is the queue, each message its own job.
 * What the `jobs` table's lease sweep and start-up recovery did for send jobs holds here too, and
 * an upgrade carries the send jobs of an older database over to their messages.
 */
describe('the WhatsApp outbox', () => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  /**
   * The dry-run provider's first call hands over ('sending' committed) and then does not answer
   * until the test says so; later calls go through.
   */
  function hangFirstSend(fixture: TestCore, tenantId: string) {
    const provider = fixture.core.services.wa.providers.get(tenantId, 'dry-run');
    const original = provider.send;
    const hung = { calls: 0, answer: (_: SendResult) => undefined as void, restore: () => void (provider.send = original) };
    provider.send = async (message: OutgoingMessage, handover?: Handover) => {
      hung.calls += 1;
      if (hung.calls > 1) return original(message, handover);
      if (handover) await handover();
      return new Promise<SendResult>((resolve) => (hung.answer = resolve));
    };
    return hung;
  }

  it('takes back a provider call that hangs past its lease: its slot goes to the next message, and a late answer is not written', async () => {
    // One send at a time: the hung call would hold the only slot forever.
    const fixture = createTestCore({ wa: { concurrency: 1 } });
    t = fixture;
    const owner = await whatsappOwner(fixture.core);
    const wa = fixture.core.services.wa;
    const provider = hangFirstSend(fixture, owner.tenantId);
    const hung = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567890', 'inv-1')).messageId;
    const next = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567891', 'inv-2')).messageId;
    await vi.waitFor(() => expect(wa.messages.get(hung)?.status).toBe('sending'), { timeout: 5_000 });
    expect(wa.messages.get(next)?.status).toBe('queued');

    // Five minutes later, the sweep takes the turn back; the worker is woken (its own timer runs on real time).
    fixture.clock.advance(5 * 60_000 + 1);
    fixture.core.jobs.kick();
    await vi.waitFor(() => expect(wa.messages.get(next)?.status).toBe('sent'), { timeout: 5_000 });
    // It may have left: parked for a person, never sent again.
    expect(wa.messages.get(hung)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT' });

    // The hung call answers after all: its turn is over, so nothing of it is written.
    provider.answer({ ok: true, providerMessageId: 'late-id' });
    await fixture.core.jobs.runDue();
    expect(wa.messages.get(hung)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', provider_message_id: null });
    expect(provider.calls).toBe(2);
    provider.restore();
  });

  it('a broadcast stopped while one of its messages is in the provider\'s hands: that one is recorded sent, the waiting ones cancelled', async () => {
    const fixture = createTestCore({ wa: { concurrency: 1 } });
    t = fixture;
    const owner = await whatsappOwner(fixture.core);
    const wa = fixture.core.services.wa;
    const provider = hangFirstSend(fixture, owner.tenantId);
    await seedCustomers(fixture.core, owner, 3);
    const broadcast = await ok(fixture.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Salah kirim.' }, owner.token);
    await vi.waitFor(() => expect(provider.calls).toBe(1), { timeout: 5_000 });
    expect(wa.broadcasts.progress(broadcast.id)).toMatchObject({ queued: 3, cancelled: 0 });

    await ok(fixture.core, 'wa.broadcast.cancel', { id: broadcast.id }, owner.token);
    // It may have left already: cancelling it now would hide a message the customer got.
    const [inFlight, ...rest] = messageRows(fixture.core, 'broadcast_id = ?', broadcast.id).sort((a, b) => Number(b.status === 'queued') - Number(a.status === 'queued'));
    expect(inFlight?.status).toBe('queued');
    expect(wa.messages.get(inFlight?.id ?? '')?.status).toBe('sending');
    expect(rest.map((m) => m.status)).toEqual(['cancelled', 'cancelled']);

    provider.answer({ ok: true, providerMessageId: 'dry-late' });
    await vi.waitFor(() => expect(wa.messages.get(inFlight?.id ?? '')).toMatchObject({ status: 'sent', provider_message_id: 'dry-late', attempts: 1 }), { timeout: 5_000 });
    expect(wa.broadcasts.progress(broadcast.id)).toMatchObject({ queued: 0, sending: 0, sent: 1, cancelled: 2 });
    expect(fixture.core.db.prepare('SELECT COUNT(*) FROM wa_send_queue').pluck().get()).toBe(0);
    await fixture.core.jobs.runDue();
    expect(provider.calls).toBe(1);
    provider.restore();
  });

  it('a restart finds what a crash left: queued messages due again, a non-WhatsApp-Web "sending" one parked as MAYBE_SENT', async () => {
    const fixture = createTestCore();
    t = fixture;
    const owner = await whatsappOwner(fixture.core);
    const wa = fixture.core.services.wa;
    wa.settings.setSuspended(owner.tenantId, true);
    const waiting = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567890', 'inv-1')).messageId;
    const leaving = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567891', 'inv-2')).messageId;
    await fixture.core.jobs.runDue();
    await fixture.core.jobs.stop();
    // Killed with 'sending' committed for one of them: the provider may have it.
    expect(await wa.messages.markSending(wa.messages.get(leaving)?.seq ?? 0, 'dry-run', false)).toBe(true);
    const core = await fixture.restart();
    core.services.wa.settings.setSuspended(owner.tenantId, false);
    fixture.clock.advance(60_000);
    await core.jobs.runDue();
    const rows = new Map(messageRows(core).map((m) => [m.id, m]));
    expect(rows.get(waiting)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows.get(leaving)).toMatchObject({ status: 'failed', error_code: 'MAYBE_SENT', attempts: 1 });
  });

  it('a queue row left behind by a message already through (its queue write failed) is dropped at the next start; a person\'s retry of a failed one queues it afresh', async () => {
    const fixture = createTestCore();
    t = fixture;
    const owner = await whatsappOwner(fixture.core);
    const wa = fixture.core.services.wa;
    const sent = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567890', 'inv-1')).messageId;
    const failed = wa.outbound.queue(owner.tenantId, testTrigger('+6281234567891', 'inv-2')).messageId;
    await fixture.core.jobs.runDue();
    await fixture.core.jobs.stop();
    const db = fixture.core.db;
    db.prepare(`UPDATE wa_messages SET status = 'failed', error_code = 'PROVIDER_ERROR' WHERE id = ?`).run(failed);
    // As if the log rows' outcomes committed and the queue statements after them did not.
    const leftOver = db.prepare(`INSERT INTO wa_send_queue (message, run_at, sending_at, sending_provider, sending_failover) VALUES (?, 0, 0, 'dry-run', 0)`);
    for (const id of [sent, failed]) leftOver.run(wa.messages.get(id)?.seq);

    const core = await fixture.restart();
    await core.jobs.runDue();
    const rows = new Map(messageRows(core).map((m) => [m.id, m]));
    // Not parked as MAYBE_SENT, not sent again: the log row's status is the truth.
    expect(rows.get(sent)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows.get(failed)).toMatchObject({ status: 'failed', error_code: 'PROVIDER_ERROR' });
    expect(core.db.prepare('SELECT COUNT(*) FROM wa_send_queue').pluck().get()).toBe(0);

    core.db.prepare(`INSERT INTO wa_send_queue (message, run_at, sending_at, sending_provider, sending_failover) VALUES (?, 0, 0, 'dry-run', 0)`).run(rows.get(failed)?.seq);
    await ok(core, 'wa.failures.retry', { messageId: failed }, owner.token);
    await core.jobs.runDue();
    expect(core.services.wa.messages.get(failed)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('an upgrade (migration 025) hands each waiting send job its run_at and tries, a message left sending stays in flight, and the send jobs go', () => {
    const dir = makeTempDir('rrnet-outbox-migration-');
    const db = openDatabase(join(dir, 'rrnet.sqlite'));
    try {
      migrate(db, migrations.filter((m) => m.version < 25));
      db.pragma('foreign_keys = OFF');
      const message = db.prepare(`INSERT INTO wa_messages (id, tenant_id, idempotency_key, event, template_key, to_number, content, status, attempts,
          provider, job_id, created_at, updated_at) VALUES (?, 't', ?, 'e', 'test_message', '+6281234567890', 'Halo', ?, ?, 'fonnte', ?, 1000, 2000)`);
      const job = db.prepare(`INSERT INTO jobs (id, tenant_id, type, payload, status, run_at, attempts, max_attempts, created_at, updated_at)
          VALUES (?, 't', ?, '{}', ?, ?, ?, 3, 1000, 2000)`);
      // Waiting for its backoff after one failed try; interrupted by a crash (its turn used no try);
      // sent long ago; handed to Fonnte when the old app died; and another module's job, which stays.
      message.run('m-retry', 'k1', 'queued', 1, 'j-retry');
      job.run('j-retry', 'wa_send', 'queued', 9_000, 1);
      message.run('m-crash', 'k2', 'queued', 0, 'j-crash');
      job.run('j-crash', 'wa_send', 'running', 3_000, 1);
      message.run('m-sent', 'k3', 'sent', 1, 'j-sent');
      job.run('j-sent', 'wa_send', 'done', 3_000, 1);
      message.run('m-left', 'k4', 'sending', 1, 'j-left');
      job.run('j-left', 'wa_send', 'running', 3_000, 1);
      job.run('j-other', 'wa_broadcast_feed', 'queued', 5_000, 0);

      migrate(db, migrations);
      const rows = db.prepare(`SELECT m.id, m.status, m.attempts, q.run_at, q.tries, q.sending_at, q.sending_provider
        FROM wa_messages m LEFT JOIN wa_send_queue q ON q.message = m.rowid ORDER BY m.id`).all();
      // The in-flight try is counted by its outcome (the restart's recovery), not twice.
      expect(rows).toEqual([
        { id: 'm-crash', status: 'queued', attempts: 0, run_at: 3_000, tries: 0, sending_at: null, sending_provider: null },
        { id: 'm-left', status: 'queued', attempts: 0, run_at: 3_000, tries: 0, sending_at: 2_000, sending_provider: 'fonnte' },
        { id: 'm-retry', status: 'queued', attempts: 1, run_at: 9_000, tries: 1, sending_at: null, sending_provider: null },
        { id: 'm-sent', status: 'sent', attempts: 1, run_at: null, tries: null, sending_at: null, sending_provider: null },
      ]);
      expect(db.prepare('SELECT id FROM jobs').pluck().all()).toEqual(['j-other']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
