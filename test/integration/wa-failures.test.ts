import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendLimiter } from '../../main/wa/index.js';
import { createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { messageRows, seedCustomers, waSettings, whatsappOwner } from '../support/wa-harness.js';

const noLimits: SendLimiter = { acquire: () => ({ waitMs: 0, recipientCapped: false }), settle: () => undefined };
/** More than the old page's fixed 200, so what used to be cut off must show up. */
const FAILED = 230;
const MAYBE_SENT = 3;

/** The failures page as an office with many failed messages meets it. */
describe('WhatsApp failures', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore({ wa: { limiter: noLimits } });
    owner = await whatsappOwner(t.core);
    await waSettings(t.core, owner, { quietHours: null });
    await seedCustomers(t.core, owner, FAILED);
    const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Gangguan sudah pulih.' }, owner.token);
    await sendAll();
    // What the provider reported after accepting them: most numbers are not on WhatsApp, a few
    // went silent mid-send. Half fail at the same moment, so the paging meets ties.
    const rows = messageRows(t.core, 'broadcast_id = ?', broadcast.id);
    const fail = t.core.db.prepare(`UPDATE wa_messages SET status = 'failed', error_code = ?, updated_at = ? WHERE id = ?`);
    t.core.db.transaction(() =>
      rows.forEach((row, i) => fail.run(i < MAYBE_SENT ? 'MAYBE_SENT' : 'NOT_ON_WHATSAPP', t.clock.now() + (i % 2 === 0 ? 0 : i), row.id)),
    )();
  });
  afterEach(() => t.cleanup());

  async function sendAll() {
    for (let round = 0; round < 6; round++) {
      await t.core.jobs.runDue();
      t.clock.advance(1_000);
    }
  }

  async function allPages() {
    const items = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }
  const list = (cursor: string | null) => ok(t.core, 'wa.failures.list', { cursor, limit: 50 }, owner.token);

  it('pages through every failed message once, latest failure first, past the old 200', async () => {
    const first = await list(null);
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const items = await allPages();
    expect(items).toHaveLength(FAILED);
    expect(new Set(items.map((m) => m.id)).size).toBe(FAILED);
    const failedAt = new Map(messageRows(t.core).map((m) => [m.id, m.updated_at]));
    const times = items.map((m) => failedAt.get(m.id) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names the customer of each failure, and shows the whole number only where a person must check the chat', async () => {
    const items = await allPages();
    expect(items.every((m) => m.customerName?.startsWith('Pelanggan '))).toBe(true);
    const maybe = items.filter((m) => m.errorCode === 'MAYBE_SENT');
    expect(maybe).toHaveLength(MAYBE_SENT);
    for (const m of maybe) expect(m.phone).toMatch(/^\+62812\d{8}$/);
    expect(items.filter((m) => m.errorCode !== 'MAYBE_SENT').every((m) => m.phone === null && m.to.includes('*'))).toBe(true);
  });

  it('retries every failure at once except the maybe-sent ones, each exactly once however many presses arrive together', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ok(t.core, 'wa.failures.retryAll', {}, owner.token)));
    expect(results.reduce((sum, r) => sum + r.retried, 0)).toBe(FAILED - MAYBE_SENT);
    expect(results.every((r) => r.needsCheck === MAYBE_SENT)).toBe(true);
    await sendAll();
    const rows = messageRows(t.core);
    expect(rows.filter((m) => m.status === 'sent')).toHaveLength(FAILED - MAYBE_SENT);
    expect(rows.filter((m) => m.status === 'sent').every((m) => m.attempts === 2)).toBe(true);
    expect((await allPages()).map((m) => m.errorCode)).toEqual(Array(MAYBE_SENT).fill('MAYBE_SENT'));
  });
});
