import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodInput, type MethodName } from '../../shared/contract/index.js';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { messageRows, seedCustomers, testTrigger, waSettings, whatsappOwner } from '../support/wa-harness.js';

type WaMethod = Extract<MethodName, `wa.${string}`>;
const SOME_ID = '01JH0000000000000000000000';

/** A valid input for every wa.* method: the compiler asks for one when a method is added. */
const VALID_INPUT: { [M in WaMethod]: MethodInput<M> } = {
  'wa.settings.get': {},
  'wa.settings.update': { ratePerSecond: 5 },
  'wa.session.status': {},
  'wa.session.start': {},
  'wa.session.logout': {},
  'wa.testSend': { to: '081234567890' },
  'wa.templates.list': {},
  'wa.templates.save': { key: 'customer_welcome', content: 'Selamat datang, {name}.' },
  'wa.templates.reset': { key: 'customer_welcome' },
  'wa.templates.preview': { key: 'customer_welcome', content: 'Halo {name}' },
  'wa.broadcast.create': { filter: { kind: 'all_active' }, message: 'Pemeliharaan jaringan malam ini.' },
  'wa.broadcast.preview': { filter: { kind: 'all_active' }, message: 'Pemeliharaan jaringan malam ini.' },
  'wa.broadcast.list': {},
  'wa.broadcast.cancel': { id: SOME_ID },
  'wa.logs.list': {},
  'wa.failures.list': {},
  'wa.failures.retry': { messageId: SOME_ID },
  'wa.failures.retryAll': {},
  'wa.optOut.set': { phone: '081234567890', optedOut: true },
  'wa.optOut.list': {},
  'wa.metrics': {},
};
const WA_METHODS = METHOD_NAMES.filter((m): m is WaMethod => m.startsWith('wa.'));

describe('WhatsApp through the contract', () => {
  let t: TestCore;

  beforeEach(() => {
    t = createTestCore();
  });
  afterEach(() => t.cleanup());

  describe('plan gate', () => {
    it('refuses every wa.* method with FEATURE_DISABLED on the basic plan, and writes nothing', async () => {
      const owner = await createOwner(t.core);
      expect(WA_METHODS.length).toBe(Object.keys(VALID_INPUT).length);
      for (const method of WA_METHODS) {
        const result = await call(t.core, method, VALID_INPUT[method] as never, owner.token);
        expect(result, method).toMatchObject({ ok: false, error: { code: 'FEATURE_DISABLED' } });
      }
      expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_settings').pluck().get()).toBe(0);
      expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_messages').pluck().get()).toBe(0);
      expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_opt_outs').pluck().get()).toBe(0);
    });

    it('lets them through with the whatsapp add-on, and shuts them again when it is removed', async () => {
      const owner = await createOwner(t.core);
      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [{ code: 'whatsapp', units: 1 }], status: 'active' });
      for (const method of WA_METHODS) {
        const result = await call(t.core, method, VALID_INPUT[method] as never, owner.token);
        // Some fail for their own reasons (no such broadcast, not on whatsapp-web.js); none for the plan.
        if (!result.ok) expect(result.error.code, method).not.toBe('FEATURE_DISABLED');
      }
      expect((await ok(t.core, 'wa.settings.get', {}, owner.token)).ratePerSecond).toBe(5);

      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [], status: 'active' });
      expect(await call(t.core, 'wa.settings.get', {}, owner.token)).toMatchObject({ ok: false, error: { code: 'FEATURE_DISABLED' } });
    });

    it('queues no event message for a tenant without WhatsApp', async () => {
      const owner = await whatsappOwner(t.core);
      await waSettings(t.core, owner, { enabledEvents: ['customer_welcome'] });
      const packageId = (await ok(t.core, 'packages.create', { name: 'Hemat', price: 100_000, routerProfile: 'hemat', rateLimit: '5M/5M' }, owner.token)).id;
      const customer = (phone: string, username: string) => ok(t.core, 'customers.create', { name: 'Budi', phone, packageId, username, billingDay: 5 }, owner.token);

      await customer('081200000001', 'budi.satu');
      await t.core.bus.drain();
      expect(messageRows(t.core).map((m) => m.template_key)).toEqual(['customer_welcome']);

      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [], status: 'active' });
      await customer('081200000002', 'budi.dua');
      await t.core.bus.drain();
      expect(messageRows(t.core)).toHaveLength(1);
    });
  });

  describe('settings', () => {
    let owner: OwnerSession;
    beforeEach(async () => {
      owner = await whatsappOwner(t.core);
    });

    const TOKEN = 'fonnte-Secret-9f8e7d6c5b4a';

    it('never returns the Fonnte token, and stores it sealed', async () => {
      const saved = await waSettings(t.core, owner, { provider: 'fonnte', fonnteToken: TOKEN });
      expect(saved.hasFonnteToken).toBe(true);
      expect(JSON.stringify(saved)).not.toContain(TOKEN);
      const read = await ok(t.core, 'wa.settings.get', {}, owner.token);
      expect(read).toMatchObject({ provider: 'fonnte', hasFonnteToken: true });
      expect(JSON.stringify(read)).not.toContain(TOKEN);
      expect(Object.keys(read)).not.toContain('fonnteToken');

      const row = t.core.db.prepare('SELECT * FROM wa_settings WHERE tenant_id = ?').get(owner.tenantId) as Record<string, unknown>;
      expect(typeof row.credentials).toBe('string');
      expect(row.credentials).not.toContain(TOKEN);
      expect(JSON.stringify(row)).not.toContain(TOKEN);
      // ... and the core can still open it: that is what the provider is built with.
      expect(t.core.services.wa.settings.resolved(owner.tenantId).fonnteToken).toBe(TOKEN);
    });

    it('keeps the token when other settings change, and removes it only on null', async () => {
      await waSettings(t.core, owner, { provider: 'fonnte', fonnteToken: TOKEN });
      expect((await waSettings(t.core, owner, { ratePerSecond: 7 })).hasFonnteToken).toBe(true);
      // A restart reads it back from the sealed column.
      await t.restart();
      expect(t.core.services.wa.settings.resolved(owner.tenantId).fonnteToken).toBe(TOKEN);
      expect((await waSettings(t.core, owner, { fonnteToken: null })).hasFonnteToken).toBe(false);
      expect(t.core.services.wa.settings.resolved(owner.tenantId).fonnteToken).toBeNull();
    });

    it('refuses a rate above the platform cap of 50 with a field error, and keeps the old rate', async () => {
      await waSettings(t.core, owner, { ratePerSecond: 20 });
      for (const [rate, locale] of [[51, 'id'], [500, 'en']] as const) {
        const result = await call(t.core, 'wa.settings.update', { ratePerSecond: rate }, owner.token, locale);
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
        expect(!result.ok && result.error.fields?.ratePerSecond).toContain('50');
      }
      expect(await call(t.core, 'wa.settings.update', { ratePerSecond: 0 }, owner.token)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', fields: { ratePerSecond: expect.any(String) } },
      });
      expect((await waSettings(t.core, owner, { ratePerSecond: 50 })).ratePerSecond).toBe(50);
    });

    it('takes quiet hours as HH:MM and refuses anything else per field', async () => {
      expect((await waSettings(t.core, owner, { quietHours: { start: '22:00', end: '06:30' } })).quietHours).toEqual({ start: '22:00', end: '06:30' });
      for (const bad of [{ start: '7:00', end: '06:00' }, { start: '22:00', end: '24:00' }, { start: '22:60', end: '06:00' }, { start: '2200', end: '06:00' }]) {
        const result = await call(t.core, 'wa.settings.update', { quietHours: bad }, owner.token, 'en');
        expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
        const fields = !result.ok ? (result.error.fields ?? {}) : {};
        const field = bad.start === '22:00' ? 'quietHours.end' : 'quietHours.start';
        expect(fields[field], JSON.stringify(fields)).toBe('Time looks like 21:00.');
      }
      expect((await waSettings(t.core, owner, { quietHours: null })).quietHours).toBeNull();
      expect((await ok(t.core, 'wa.settings.get', {}, owner.token)).quietHours).toBeNull();
    });

    it('cannot lift a suspension RRNet imposed', async () => {
      t.core.services.wa.settings.setSuspended(owner.tenantId, true);
      expect((await waSettings(t.core, owner, { ratePerSecond: 3 })).suspended).toBe(true);
      expect(await call(t.core, 'wa.settings.update', { suspended: false } as never, owner.token)).toMatchObject({
        error: { code: 'VALIDATION_FAILED', fields: { suspended: expect.any(String) } },
      });
      expect((await ok(t.core, 'wa.session.status', {}, owner.token)).suspended).toBe(true);
    });
  });

  describe('templates', () => {
    let owner: OwnerSession;
    beforeEach(async () => {
      owner = await whatsappOwner(t.core);
    });

    it('refuses a placeholder the template does not declare, naming it in Indonesian and English', async () => {
      const content = 'Halo {name}, selamat datang di {isp_name}. Kode pelanggan: {kode_pelanggan}.';
      const id = await call(t.core, 'wa.templates.save', { key: 'customer_welcome', content }, owner.token, 'id');
      const en = await call(t.core, 'wa.templates.save', { key: 'customer_welcome', content }, owner.token, 'en');
      for (const result of [id, en]) expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { content: expect.any(String) } } });
      const idText = !id.ok ? (id.error.fields?.content ?? '') : '';
      const enText = !en.ok ? (en.error.fields?.content ?? '') : '';
      expect(idText).toContain('kode_pelanggan');
      expect(idText).toContain('belum terdaftar');
      expect(enText).toContain('kode_pelanggan');
      expect(enText).toContain('not in the template');
      // The two declared ones are not blamed.
      expect(enText).not.toContain('"name"');
      const stored = (await ok(t.core, 'wa.templates.list', {}, owner.token)).find((x) => x.key === 'customer_welcome');
      expect(stored?.custom).toBe(false);
    });

    it('saves a reworded template, sends with it, and resets to the system text', async () => {
      const system = (await ok(t.core, 'wa.templates.list', {}, owner.token)).find((x) => x.key === 'test_message');
      const saved = await ok(t.core, 'wa.templates.save', { key: 'test_message', content: 'Uji coba dari {isp_name}.' }, owner.token);
      expect(saved).toMatchObject({ key: 'test_message', custom: true, content: 'Uji coba dari {isp_name}.', systemContent: system?.content });

      const first = t.core.services.wa.outbound.queue(owner.tenantId, { ...testTrigger('+6281234567890', 'inv-1'), variables: { isp_name: 'Net Kampung' } });
      const reset = await ok(t.core, 'wa.templates.reset', { key: 'test_message' }, owner.token);
      expect(reset).toMatchObject({ custom: false, content: system?.content });
      const second = t.core.services.wa.outbound.queue(owner.tenantId, { ...testTrigger('+6281234567890', 'inv-2'), variables: { isp_name: 'Net Kampung' } });

      // Rendered when queued: the log keeps what was sent, whatever the template says later.
      expect(t.core.services.wa.messages.get(first.messageId)?.content).toBe('Uji coba dari Net Kampung.');
      expect(t.core.services.wa.messages.get(second.messageId)?.content).toContain('Ini pesan uji dari RRNet Console untuk Net Kampung.');
    });

    it('previews unsaved text with the sample data, and explains what is wrong in the user language', async () => {
      const good = await ok(t.core, 'wa.templates.preview', { key: 'customer_welcome', content: 'Halo {name}, paket {package_name}.' }, owner.token);
      expect(good).toEqual({ ok: true, text: 'Halo Budi Santoso, paket Keluarga 20 Mbps.', errors: [] });

      const bad = await call(t.core, 'wa.templates.preview', { key: 'customer_welcome', content: 'Halo {nama}' }, owner.token, 'en');
      expect(bad.ok && bad.data.ok).toBe(false);
      expect(bad.ok && bad.data.errors.join(' ')).toContain('"nama" is not in the template');
      // Nothing was saved by previewing.
      expect((await ok(t.core, 'wa.templates.list', {}, owner.token)).every((x) => !x.custom)).toBe(true);
    });
  });
  describe('broadcast cancel', () => {
    it('refuses to cancel another tenant\'s broadcast, which keeps going', async () => {
      const owner = await whatsappOwner(t.core);
      await seedCustomers(t.core, owner, 2);
      const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Pemeliharaan jaringan malam ini.' }, owner.token);

      const neighbour = t.core.db.transaction(() => t.core.services.tenants.create({ name: 'ISP Tetangga', timezone: 'Asia/Makassar' }))();
      t.core.services.tenants.applySubscription(neighbour, { plan: 'basic', addons: [{ code: 'whatsapp', units: 1 }], status: 'active' });
      await t.core.services.accounts.create(neighbour, { username: 'tetangga', displayName: 'Tetangga', role: 'owner', password: 'tetangga-123' });
      const theirs = await ok(t.core, 'auth.login', { username: 'tetangga', password: 'tetangga-123' });

      expect(await call(t.core, 'wa.broadcast.cancel', { id: broadcast.id }, theirs.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(t.core.db.prepare('SELECT status FROM wa_broadcasts WHERE id = ?').pluck().get(broadcast.id)).toBe('active');
      await t.core.jobs.runDue();
      expect(messageRows(t.core, 'broadcast_id = ?', broadcast.id).map((m) => m.status)).toEqual(['sent', 'sent']);
      // Not cancelled: it went out to both, and says it is finished.
      expect((await ok(t.core, 'wa.broadcast.list', {}, owner.token))[0]).toMatchObject({ id: broadcast.id, status: 'finished' });
    });
  });
});
