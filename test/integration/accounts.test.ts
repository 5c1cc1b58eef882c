import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER, call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('accounts', () => {
  let t: TestCore;

  beforeEach(() => {
    t = createTestCore();
  });
  afterEach(() => t.cleanup());

  describe('first run', () => {
    it('setup.status asks for an owner until one exists', async () => {
      expect(await ok(t.core, 'setup.status', {})).toEqual({ needsOwner: true });
      await createOwner(t.core);
      expect(await ok(t.core, 'setup.status', {})).toEqual({ needsOwner: false });
    });

    it('creates the tenant and its owner and signs the owner in', async () => {
      const session = await ok(t.core, 'setup.createOwner', { ...OWNER, username: '  Pemilik ', demo: false });
      expect(session.user).toMatchObject({ username: 'pemilik', role: 'owner', active: true, locale: 'id' });
      expect(session.tenant).toMatchObject({ name: OWNER.tenantName, timezone: 'Asia/Jakarta', plan: 'basic', status: 'active' });
      const me = await ok(t.core, 'auth.me', {}, session.token);
      expect(me.user.id).toBe(session.user.id);
    });

    it('a second createOwner is refused with SETUP_DONE and changes nothing', async () => {
      await createOwner(t.core);
      const second = await call(t.core, 'setup.createOwner', { ...OWNER, username: 'penyusup', demo: false });
      expect(second).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
      expect(t.core.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
      expect(t.core.db.prepare('SELECT COUNT(*) FROM tenants').pluck().get()).toBe(1);
    });

    it('two first-run screens racing create exactly one owner', async () => {
      const results = await Promise.all([
        call(t.core, 'setup.createOwner', { ...OWNER, username: 'satu', demo: false }),
        call(t.core, 'setup.createOwner', { ...OWNER, username: 'dua', demo: false }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'SETUP_DONE' } });
      expect(t.core.db.prepare('SELECT COUNT(*) FROM tenants').pluck().get()).toBe(1);
    });

    it('stores no password and no session token in clear', async () => {
      const owner = await createOwner(t.core);
      const dump = JSON.stringify(t.core.db.prepare('SELECT * FROM users').all()) + JSON.stringify(t.core.db.prepare('SELECT * FROM sessions').all());
      expect(dump).not.toContain(OWNER.password);
      expect(dump).not.toContain(owner.token);
    });
  });

  describe('login', () => {
    beforeEach(() => createOwner(t.core));

    it('accepts the right password, case-insensitive username', async () => {
      const session = await ok(t.core, 'auth.login', { username: 'PEMILIK', password: OWNER.password });
      expect(session.user.username).toBe('pemilik');
      expect(session.tenant.name).toBe(OWNER.tenantName);
    });

    it('refuses a wrong password and an unknown user with the same error', async () => {
      const wrong = await call(t.core, 'auth.login', { username: 'pemilik', password: 'salah-salah' });
      const unknown = await call(t.core, 'auth.login', { username: 'siapa', password: OWNER.password });
      expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' } });
      expect(unknown).toEqual(wrong);
    });

    it('locks the username after 5 failures, even for the right password, until the lock passes', async () => {
      for (let i = 0; i < 5; i++) {
        expect(await call(t.core, 'auth.login', { username: 'pemilik', password: `salah-${i}` })).toMatchObject({
          error: { code: 'INVALID_CREDENTIALS' },
        });
      }
      const locked = await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password }, null, 'en');
      expect(locked).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
      expect(!locked.ok && locked.error.message).toMatch(/30/);

      t.clock.advance(29_000);
      expect(await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password })).toMatchObject({
        error: { code: 'TOO_MANY_ATTEMPTS' },
      });
      t.clock.advance(1_000);
      expect((await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password })).ok).toBe(true);
    });

    it('the lock grows with each further failure and a success forgives', async () => {
      for (let i = 0; i < 5; i++) await call(t.core, 'auth.login', { username: 'pemilik', password: 'salah-salah' });
      t.clock.advance(30_000);
      await call(t.core, 'auth.login', { username: 'pemilik', password: 'salah-salah' });
      t.clock.advance(30_000);
      expect(await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password })).toMatchObject({
        error: { code: 'TOO_MANY_ATTEMPTS' },
      });
      t.clock.advance(30_000);
      expect((await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password })).ok).toBe(true);
      expect(await call(t.core, 'auth.login', { username: 'pemilik', password: 'salah-salah' })).toMatchObject({
        error: { code: 'INVALID_CREDENTIALS' },
      });
    });

    it('a lock on one username does not lock another', async () => {
      const owner = await login(t.core, 'pemilik', OWNER.password);
      await ok(t.core, 'users.create', { username: 'kasir', displayName: 'Kasir', role: 'finance', password: 'kasir-rahasia' }, owner);
      for (let i = 0; i < 6; i++) await call(t.core, 'auth.login', { username: 'pemilik', password: 'salah-salah' });
      expect((await call(t.core, 'auth.login', { username: 'kasir', password: 'kasir-rahasia' })).ok).toBe(true);
    });
  });

  describe('sessions', () => {
    let owner: OwnerSession;
    beforeEach(async () => {
      owner = await createOwner(t.core);
    });

    const me = (token: string) => call(t.core, 'auth.me', {}, token);

    it('ends after 12 idle hours', async () => {
      t.clock.advance(12 * HOUR);
      expect((await me(owner.token)).ok).toBe(true);
      t.clock.advance(12 * HOUR + 1);
      expect(await me(owner.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      t.clock.advance(-24 * HOUR);
      expect(await me(owner.token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it('stays alive while used, but no longer than 7 days', async () => {
      for (let h = 0; h < 6 * 24; h += 6) {
        t.clock.advance(6 * HOUR);
        expect((await me(owner.token)).ok, `after ${h + 6} h`).toBe(true);
      }
      t.clock.advance(DAY);
      expect(await me(owner.token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it('survives a restart of the core', async () => {
      const core = await t.restart();
      expect((await call(core, 'auth.me', {}, owner.token)).ok).toBe(true);
    });

    it('logout ends only that session', async () => {
      const other = await login(t.core, 'pemilik', OWNER.password);
      await ok(t.core, 'auth.logout', {}, owner.token);
      expect(await me(owner.token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect((await me(other)).ok).toBe(true);
    });

    it('refuses a made-up or empty token', async () => {
      expect(await me('bukan-token')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(await me('')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(await call(t.core, 'auth.me', {}, null)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(t.core.sessionTenant('bukan-token')).toBeNull();
      expect(t.core.sessionTenant(owner.token)).toBe(owner.tenantId);
    });

    it('changing the password keeps this screen signed in and ends the others', async () => {
      const other = await login(t.core, 'pemilik', OWNER.password);
      const wrong = await call(t.core, 'auth.changePassword', { currentPassword: 'salah-salah', newPassword: 'baru-rahasia' }, owner.token);
      expect(wrong).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { currentPassword: expect.any(String) } } });
      expect((await me(other)).ok).toBe(true);

      await ok(t.core, 'auth.changePassword', { currentPassword: OWNER.password, newPassword: 'baru-rahasia' }, owner.token);
      expect((await me(owner.token)).ok).toBe(true);
      expect(await me(other)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect((await call(t.core, 'auth.login', { username: 'pemilik', password: OWNER.password })).ok).toBe(false);
      expect((await call(t.core, 'auth.login', { username: 'pemilik', password: 'baru-rahasia' })).ok).toBe(true);
    });

    it('setLocale is remembered and errors follow the caller locale', async () => {
      expect((await ok(t.core, 'auth.setLocale', { locale: 'en' }, owner.token)).locale).toBe('en');
      expect((await ok(t.core, 'auth.me', {}, owner.token)).user.locale).toBe('en');
      const en = await call(t.core, 'customers.get', { id: owner.userId }, owner.token, 'en');
      const id = await call(t.core, 'customers.get', { id: owner.userId }, owner.token, 'id');
      expect(en).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      expect(id).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Data tidak ditemukan.' } });
    });
  });

  describe('users and roles', () => {
    let owner: OwnerSession;
    beforeEach(async () => {
      owner = await createOwner(t.core);
    });

    const addUser = (username: string, role: 'admin' | 'finance' | 'collector' | 'technician' | 'owner') =>
      ok(t.core, 'users.create', { username, displayName: username, role, password: `${username}-rahasia` }, owner.token);

    it('the owner creates, lists and updates users', async () => {
      const admin = await addUser('admin1', 'admin');
      expect(admin).toMatchObject({ username: 'admin1', role: 'admin', active: true });
      expect((await ok(t.core, 'users.list', {}, owner.token)).map((u) => u.username).sort()).toEqual(['admin1', 'pemilik']);
      const renamed = await ok(t.core, 'users.update', { id: admin.id, displayName: 'Mas Admin', role: 'finance' }, owner.token);
      expect(renamed).toMatchObject({ displayName: 'Mas Admin', role: 'finance' });
    });

    it('refuses a taken username with a field error', async () => {
      await addUser('admin1', 'admin');
      const again = await call(t.core, 'users.create', { username: 'Admin1', displayName: 'x', role: 'admin', password: 'rahasia-lagi' }, owner.token);
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { username: 'Nama pengguna ini sudah dipakai.' } } });
    });

    it('a collector may read customers but gets FORBIDDEN creating one or managing users', async () => {
      await addUser('tagih1', 'collector');
      const collector = await login(t.core, 'tagih1', 'tagih1-rahasia');
      // By searching: the whole list is the office's (role-views.test.ts).
      expect((await call(t.core, 'customers.list', { query: 'Budi' }, collector)).ok).toBe(true);
      const create = await call(
        t.core,
        'customers.create',
        { name: 'Budi', phone: '081234567890', packageId: owner.userId, username: 'budi', billingDay: 1 },
        collector,
      );
      expect(create).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(t.core, 'users.list', {}, collector)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await call(t.core, 'tenant.update', { name: 'Diambil alih' }, collector)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });

    it('an admin manages customers but not users', async () => {
      await addUser('admin1', 'admin');
      const admin = await login(t.core, 'admin1', 'admin1-rahasia');
      expect((await call(t.core, 'packages.create', { name: 'Hemat', price: 150_000 }, admin)).ok).toBe(true);
      expect(await call(t.core, 'users.create', { username: 'x-admin', displayName: 'x', role: 'owner', password: 'rahasia-lagi' }, admin)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });

    it("a deactivated user's session stops working at once and the user cannot sign in", async () => {
      const admin = await addUser('admin1', 'admin');
      const token = await login(t.core, 'admin1', 'admin1-rahasia');
      expect((await call(t.core, 'auth.me', {}, token)).ok).toBe(true);
      await ok(t.core, 'users.update', { id: admin.id, active: false }, owner.token);
      expect(await call(t.core, 'auth.me', {}, token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(await call(t.core, 'auth.login', { username: 'admin1', password: 'admin1-rahasia' })).toMatchObject({
        error: { code: 'INVALID_CREDENTIALS' },
      });
      await ok(t.core, 'users.update', { id: admin.id, active: true }, owner.token);
      expect(await call(t.core, 'auth.me', {}, token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect((await call(t.core, 'auth.login', { username: 'admin1', password: 'admin1-rahasia' })).ok).toBe(true);
    });

    it('a role change applies to the open session at once', async () => {
      const admin = await addUser('admin1', 'admin');
      const token = await login(t.core, 'admin1', 'admin1-rahasia');
      await ok(t.core, 'users.update', { id: admin.id, role: 'technician' }, owner.token);
      expect(await call(t.core, 'packages.create', { name: 'Hemat', price: 150_000 }, token)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });

    it('the last active owner can be neither demoted nor deactivated', async () => {
      const demote = await call(t.core, 'users.update', { id: owner.userId, role: 'admin' }, owner.token);
      expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { role: 'Harus ada minimal satu pemilik aktif.' } } });
      expect(await call(t.core, 'users.update', { id: owner.userId, active: false }, owner.token)).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect((await ok(t.core, 'auth.me', {}, owner.token)).user.role).toBe('owner');
    });

    it('with a second owner, one owner may step down', async () => {
      const second = await addUser('pemilik2', 'owner');
      expect((await ok(t.core, 'users.update', { id: owner.userId, role: 'admin' }, owner.token)).role).toBe('admin');
      const token = await login(t.core, 'pemilik2', 'pemilik2-rahasia');
      expect(await call(t.core, 'users.update', { id: second.id, active: false }, token)).toMatchObject({ error: { code: 'CONFLICT' } });
    });

    it('an owner cannot reach users of another tenant', async () => {
      const otherTenant = t.core.db.transaction(() => t.core.services.tenants.create({ name: 'ISP Lain', timezone: 'Asia/Makassar' }))();
      const stranger = await t.core.services.accounts.create(otherTenant, {
        username: 'orang-lain',
        displayName: 'Orang Lain',
        role: 'owner',
        password: 'rahasia-lain',
      });
      expect(await call(t.core, 'users.update', { id: stranger.id, active: false }, owner.token)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect((await ok(t.core, 'users.list', {}, owner.token)).map((u) => u.username)).toEqual(['pemilik']);
    });

    it('users.create counts against the plan user limit', async () => {
      await addUser('admin1', 'admin');
      await addUser('admin2', 'admin');
      const fourth = await call(t.core, 'users.create', { username: 'admin3', displayName: 'x', role: 'admin', password: 'rahasia-lagi' }, owner.token);
      expect(fourth).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    });
  });
});
