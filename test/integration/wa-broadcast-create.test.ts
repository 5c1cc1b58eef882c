import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import { call, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { messageRows, seedCustomers, tally, waSettings, whatsappOwner } from '../support/wa-harness.js';

/** What the operator meets when making a broadcast: their own text filled per customer, checked before it goes. */
describe('creating a broadcast', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await whatsappOwner(t.core);
    await waSettings(t.core, owner, { quietHours: null });
  });
  afterEach(() => t.cleanup());

  const create = (input: MethodInput<'wa.broadcast.create'>) => call(t.core, 'wa.broadcast.create', input, owner.token);
  const sendAll = async () => {
    for (let round = 0; round < 10; round++) {
      await t.core.jobs.runDue();
      t.clock.advance(1_000);
    }
  };
  const everyone = { kind: 'all_active' } as const;

  it('fills {name}, {package_name} and {isp_name} in the operator\'s own text, and greets once', async () => {
    await seedCustomers(t.core, owner, 2);
    const made = await ok(t.core, 'wa.broadcast.create', {
      filter: everyone,
      message: 'Halo {name}, paket {package_name} dari {isp_name} naik kecepatan mulai besok.',
    }, owner.token);
    await sendAll();
    const texts = messageRows(t.core, 'broadcast_id = ?', made.id).map((m) => m.content);
    expect(texts).toHaveLength(2);
    for (const [i, text] of texts.entries()) {
      expect(text).toContain(`Halo Pelanggan ${i}, paket Hemat 10 Mbps dari`);
      expect(text).not.toContain('{');
      // The operator greeted: the template's own "Halo ...," does not come first any more.
      expect(text.match(/Halo/g)).toHaveLength(1);
      expect(text).toMatch(/^Halo Pelanggan \d, paket/);
    }
  });

  it('keeps the template\'s greeting for a text that does not greet', async () => {
    await seedCustomers(t.core, owner, 1);
    const made = await ok(t.core, 'wa.broadcast.create', { filter: everyone, message: 'Besok ada pemeliharaan jaringan.' }, owner.token);
    await sendAll();
    expect(messageRows(t.core, 'broadcast_id = ?', made.id)[0]?.content).toMatch(/^Halo Pelanggan 0,\nBesok ada pemeliharaan jaringan\./);
  });

  it('refuses a variable the broadcast cannot supply, naming the ones it can, and sends nothing', async () => {
    await seedCustomers(t.core, owner, 2);
    const result = await create({ filter: everyone, message: 'Tagihan {amount} jatuh tempo {due_date}.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (result.ok) return;
    expect(result.error.fields?.message).toContain('"amount"');
    expect(result.error.fields?.message).toContain('{name}, {isp_name}, {package_name}');
    expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_broadcasts').pluck().get()).toBe(0);
  });

  it('refuses a broadcast that reaches nobody', async () => {
    const result = await create({ filter: { kind: 'isolated' }, message: 'Mohon segera bayar.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { filter: expect.stringContaining('Tidak ada pelanggan') } } });
    expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_broadcasts').pluck().get()).toBe(0);
  });

  it('previews the count and the text its first recipient gets, with the same refusals as creating', async () => {
    await seedCustomers(t.core, owner, 3);
    const preview = await ok(t.core, 'wa.broadcast.preview', { filter: everyone, message: 'Halo {name}, ada pemeliharaan.' }, owner.token);
    expect(preview.recipients).toBe(3);
    expect(preview.sample?.name).toBe('Pelanggan 0');
    expect(preview.sample?.text).toMatch(/^Halo Pelanggan 0, ada pemeliharaan\.\n\nSalam,\n/);
    expect(await call(t.core, 'wa.broadcast.preview', { filter: everyone, message: 'Jatuh tempo {due_date}' }, owner.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { message: expect.stringContaining('due_date') } },
    });
    expect(await call(t.core, 'wa.broadcast.preview', { filter: { kind: 'isolated' }, message: 'x' }, owner.token)).toMatchObject({
      ok: false,
      error: { fields: { filter: expect.any(String) } },
    });
  });

  it('makes one broadcast for many requests with the same key arriving together (double submit, retried request)', async () => {
    const phones = (await seedCustomers(t.core, owner, 5)).map((c) => c.phone);
    const input = { filter: everyone, message: 'Pemeliharaan jaringan malam ini.', requestKey: '01JH0000000000000000000000' };
    const results = await Promise.all(Array.from({ length: 30 }, () => create(input)));
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : r.error.code)));
    expect(ids.size).toBe(1);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_broadcasts').pluck().get()).toBe(1);
    await sendAll();
    // And once more after it went out: the same answer, nobody gets it twice.
    expect(await create(input)).toMatchObject({ ok: true, data: { id: [...ids][0] } });
    await sendAll();
    const perNumber = tally(messageRows(t.core, 'broadcast_id IS NOT NULL').map((m) => m.to_number));
    expect(phones.map((p) => perNumber.get(p))).toEqual([1, 1, 1, 1, 1]);

    const other = await ok(t.core, 'wa.broadcast.create', { ...input, requestKey: '01JH0000000000000000000001' }, owner.token);
    expect(other.id).not.toBe([...ids][0]);
  });

  it('says a broadcast is finished once every message has an outcome, with its totals', async () => {
    await seedCustomers(t.core, owner, 3);
    await ok(t.core, 'wa.optOut.set', { phone: '081210000001', optedOut: true }, owner.token);
    const made = await ok(t.core, 'wa.broadcast.create', { filter: everyone, message: 'Gangguan sudah pulih.' }, owner.token);
    expect(made.status).toBe('active');
    await sendAll();
    const [listed] = await ok(t.core, 'wa.broadcast.list', {}, owner.token);
    // A fresh core sends through dry-run: its two sends are trials ("uji coba"), never counted as sent.
    expect(listed).toMatchObject({ id: made.id, status: 'finished', total: 3, progress: { sent: 0, skipped: 1, queued: 0, sending: 0 }, simulated: 2 });
  });
});
