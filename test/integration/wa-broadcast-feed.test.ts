import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { messageRows, seedCustomers, tally, waSettings, whatsappOwner } from '../support/wa-harness.js';
import { FEED_CHUNK } from '../../main/wa/broadcast-service.js';
import type { SendLimiter } from '../../main/wa/index.js';

/**
 * A broadcast is stored with its recipients and fed to the queue a chunk at a time. These tests use
 * more recipients than one chunk, and drive time with the pinned clock: the feeder looks again a
 * second after a chunk, and only makes the next one once the previous has mostly gone out.
 */
const RECIPIENTS = FEED_CHUNK * 2 + FEED_CHUNK / 2;
const noLimits: SendLimiter = { acquire: () => ({ waitMs: 0, recipientCapped: false }), settle: () => undefined };

describe('broadcast feeding', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let phones: string[];

  beforeEach(async () => {
    t = createTestCore({ wa: { limiter: noLimits } });
    owner = await whatsappOwner(t.core);
    await waSettings(t.core, owner, { quietHours: null });
    phones = (await seedCustomers(t.core, owner, RECIPIENTS)).map((c) => c.phone);
  });
  afterEach(() => t.cleanup());

  const create = () =>
    ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Pemeliharaan jaringan malam ini.' }, owner.token);
  const progress = (id: string) => t.core.services.wa.broadcasts.progress(id);

  it('is durable at once, counts unfed recipients as queued, and sends every recipient exactly once', async () => {
    const broadcast = await create();
    expect(broadcast.total).toBe(RECIPIENTS);
    expect(messageRows(t.core, 'broadcast_id = ?', broadcast.id)).toHaveLength(0);
    expect(progress(broadcast.id).queued).toBe(RECIPIENTS);

    for (let round = 0; round < 20 && progress(broadcast.id).sent < RECIPIENTS; round++) {
      await t.core.jobs.runDue();
      t.clock.advance(1_000);
    }

    const rows = messageRows(t.core, 'broadcast_id = ?', broadcast.id);
    expect(rows).toHaveLength(RECIPIENTS);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['sent']));
    const perNumber = tally(rows.map((r) => r.to_number));
    expect(phones.every((p) => perNumber.get(p) === 1)).toBe(true);
    expect(progress(broadcast.id)).toMatchObject({ queued: 0, sent: RECIPIENTS });
  });

  it('makes the next chunk only when the previous one has mostly gone out', async () => {
    const broadcast = await create();
    const feed = () => t.core.services.wa.broadcasts.feed(broadcast.id);
    expect(feed()).not.toBeNull();
    expect(messageRows(t.core, 'broadcast_id = ?', broadcast.id)).toHaveLength(FEED_CHUNK);
    // Nothing has been sent yet: a second look makes nothing new.
    expect(feed()).not.toBeNull();
    expect(messageRows(t.core, 'broadcast_id = ?', broadcast.id)).toHaveLength(FEED_CHUNK);
  });

  it('never queues a recipient twice, even when a chunk is fed again', async () => {
    const broadcast = await create();
    t.core.services.wa.broadcasts.feed(broadcast.id);
    // As if the feeder's bookkeeping were lost after its messages were written.
    t.core.db.prepare('UPDATE wa_broadcasts SET fed = 0 WHERE id = ?').run(broadcast.id);
    t.core.db.prepare(`UPDATE wa_messages SET status = 'sent' WHERE broadcast_id = ?`).run(broadcast.id);
    t.core.services.wa.broadcasts.feed(broadcast.id);
    const rows = messageRows(t.core, 'broadcast_id = ?', broadcast.id);
    expect(rows).toHaveLength(FEED_CHUNK);
    expect(Math.max(...tally(rows.map((r) => r.to_number)).values())).toBe(1);
  });

  it('cancelling stops both the queued messages and the recipients not yet fed', async () => {
    const broadcast = await create();
    t.core.services.wa.broadcasts.feed(broadcast.id);
    const cancelled = await ok(t.core, 'wa.broadcast.cancel', { id: broadcast.id }, owner.token);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress).toMatchObject({ queued: 0, cancelled: RECIPIENTS });
    expect(t.core.services.wa.broadcasts.feed(broadcast.id)).toBeNull();
    for (let round = 0; round < 3; round++) {
      await t.core.jobs.runDue();
      t.clock.advance(1_000);
    }
    expect(messageRows(t.core, 'broadcast_id = ?', broadcast.id)).toHaveLength(FEED_CHUNK);
    expect(progress(broadcast.id).sent).toBe(0);
  });
});
