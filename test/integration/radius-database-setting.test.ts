import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { startPostgres, type Postgres, type PostgresLogin } from '../support/postgres.js';
import { createRadiusDatabase } from '../support/radius-postgres.js';

/**
 * The "Database FreeRADIUS" setting through the contract: who may see and change it, a password
 * that is sealed and never answered (nor put in the change log sync reads), every wrong field in
 * one round, and "Tes" answering in plain words against a real PostgreSQL 15.
 */

const SECRET_PASSWORD = 'sandi-radius-rahasia-9';

let postgres: Postgres;
let radiusDb: PostgresLogin;
let t: TestCore;
let owner: OwnerSession;

const form = (login: PostgresLogin, overrides: Partial<{ password: string; host: string; user: string; database: string }> = {}) => ({
  kind: 'postgresql' as const,
  host: login.host,
  port: login.port,
  database: login.database,
  user: login.user,
  password: login.password,
  path: '',
  ...overrides,
});

beforeAll(async () => {
  postgres = await startPostgres();
  radiusDb = await createRadiusDatabase(postgres, 'radius', { user: 'radius_rrnet', password: SECRET_PASSWORD });
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

beforeEach(async () => {
  t = createTestCore();
  owner = await createOwner(t.core);
});

afterEach(async () => {
  await t.cleanup();
});

describe('isolir.radiusDb: who may', () => {
  it('owner and admin read, save and test it; finance, collectors and technicians are refused', async () => {
    // One staff account changing role (the basic plan's user limit), signed in afresh as each.
    const staff = await ok(t.core, 'users.create', { username: 'staf', displayName: 'Staf', role: 'admin', password: 'staf-rahasia' }, owner.token);
    const as = async (role: 'admin' | 'finance' | 'collector' | 'technician') => {
      await ok(t.core, 'users.update', { id: staff.id, role }, owner.token);
      return login(t.core, 'staf', 'staf-rahasia');
    };
    const admin = await as('admin');
    expect((await call(t.core, 'isolir.radiusDb.update', form(radiusDb), admin)).ok).toBe(true);
    expect((await call(t.core, 'isolir.radiusDb.get', {}, admin)).ok).toBe(true);
    expect((await call(t.core, 'isolir.radiusDb.test', form(radiusDb), admin)).ok).toBe(true);
    for (const role of ['finance', 'collector', 'technician'] as const) {
      const session = await as(role);
      for (const attempt of [
        call(t.core, 'isolir.radiusDb.get', {}, session),
        call(t.core, 'isolir.radiusDb.update', form(radiusDb), session),
        call(t.core, 'isolir.radiusDb.test', form(radiusDb), session),
      ]) {
        const result = await attempt;
        expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('isolir.radiusDb: the password', () => {
  it('is sealed at rest, never answered, and not in the change log sync carries', async () => {
    const before = await ok(t.core, 'isolir.radiusDb.get', {}, owner.token);
    expect(before).toMatchObject({ configured: false, hasPassword: false, kind: 'postgresql', port: 5432, database: 'radius', user: 'radius' });

    const saved = await ok(t.core, 'isolir.radiusDb.update', form(radiusDb), owner.token);
    const read = await ok(t.core, 'isolir.radiusDb.get', {}, owner.token);
    for (const answer of [saved, read]) {
      expect(answer).toMatchObject({ configured: true, hasPassword: true, host: radiusDb.host, user: 'radius_rrnet' });
      expect(answer).not.toHaveProperty('password');
      expect(JSON.stringify(answer)).not.toContain(SECRET_PASSWORD);
    }
    const db = t.core.db;
    const row = db.prepare('SELECT password_sealed FROM radius_databases').get() as { password_sealed: string };
    expect(row.password_sealed).not.toContain(SECRET_PASSWORD);
    const log = db.prepare("SELECT * FROM change_log WHERE entity = 'radius_databases'").all();
    expect(log.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain(SECRET_PASSWORD);
    expect(JSON.stringify(log)).not.toContain(row.password_sealed);
  });

  it('an empty password keeps the stored one for the same server and user, across a restart', async () => {
    await ok(t.core, 'isolir.radiusDb.update', form(radiusDb), owner.token);
    await t.restart();
    const again = await ok(t.core, 'isolir.radiusDb.update', form(radiusDb, { password: '', database: 'radius' }), owner.token);
    expect(again.hasPassword).toBe(true);
    expect(await ok(t.core, 'isolir.radiusDb.test', form(radiusDb, { password: '' }), owner.token)).toEqual({ ok: true, problem: null });
  });

  it('is never handed to another server or user: an empty password there is refused on its field', async () => {
    await ok(t.core, 'isolir.radiusDb.update', form(radiusDb), owner.token);
    for (const other of [{ host: 'radius.contoh.net' }, { user: 'orang_lain' }]) {
      for (const method of ['isolir.radiusDb.update', 'isolir.radiusDb.test'] as const) {
        const result = await call(t.core, method, form(radiusDb, { password: '', ...other }), owner.token);
        expect(result.ok === false && result.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: 'Wajib diisi.' } });
      }
    }
  });

  it('a first save without a password is refused on its field', async () => {
    const result = await call(t.core, 'isolir.radiusDb.update', form(radiusDb, { password: '' }), owner.token);
    expect(result.ok === false && result.error.fields).toEqual({ password: 'Wajib diisi.' });
  });
});

describe('isolir.radiusDb: every wrong field in one round', () => {
  it('PostgreSQL without host, database and user, and a port out of range', async () => {
    // The port fails the field's own check; the per-kind rules still speak in the same answer.
    const result = await call(t.core, 'isolir.radiusDb.update', { kind: 'postgresql', host: '', port: 70000, database: '', user: '', password: 'x', path: '' }, owner.token);
    expect(result.ok === false && result.error.code).toBe('VALIDATION_FAILED');
    expect(result.ok === false && Object.keys(result.error.fields ?? {}).sort()).toEqual(['database', 'host', 'port', 'user']);
  });

  it('a host with a port in it, and a SQLite path that is not absolute', async () => {
    const host = await call(t.core, 'isolir.radiusDb.update', form(radiusDb, { host: '10.0.0.5:5432' }), owner.token);
    expect(host.ok === false && host.error.fields).toEqual({ host: 'Tulis alamatnya saja, tanpa port.' });
    const path = await call(t.core, 'isolir.radiusDb.update', { ...form(radiusDb), kind: 'sqlite', path: 'freeradius.db' }, owner.token);
    expect(path.ok === false && Object.keys(path.error.fields ?? {})).toEqual(['path']);
  });
});

describe('isolir.radiusDb.test: plain answers from a real PostgreSQL', () => {
  it('a good setting: ok; nothing is saved by a test', async () => {
    expect(await ok(t.core, 'isolir.radiusDb.test', form(radiusDb), owner.token)).toEqual({ ok: true, problem: null });
    expect((await ok(t.core, 'isolir.radiusDb.get', {}, owner.token)).configured).toBe(false);
  });

  it('a wrong password: says so in Bahasa Indonesia or English, the server\'s words under the detail', async () => {
    const id = await call(t.core, 'isolir.radiusDb.test', form(radiusDb, { password: 'salah' }), owner.token, 'id');
    const en = await call(t.core, 'isolir.radiusDb.test', form(radiusDb, { password: 'salah' }), owner.token, 'en');
    expect(id.ok && id.data.problem).toMatchObject({ code: 'RADIUS_DB_AUTH_FAILED', message: expect.stringMatching(/^Nama pengguna atau kata sandi database ditolak/) });
    expect(en.ok && en.data.problem).toMatchObject({ code: 'RADIUS_DB_AUTH_FAILED', message: expect.stringMatching(/^The database user name or password was refused/) });
    expect(id.ok && id.data.problem?.detail).toMatch(/password authentication failed/);
    expect(id.ok && id.data.problem?.message).not.toMatch(/authentication failed/);
  });

  it('a database without FreeRADIUS tables names the missing ones', async () => {
    const empty = await postgres.createDatabase('kosong', { user: 'kosong_user', password: 'sandi-kosong' });
    const result = await ok(t.core, 'isolir.radiusDb.test', form(empty), owner.token);
    expect(result.problem).toMatchObject({
      code: 'RADIUS_DB_TABLES_MISSING',
      message: 'Tersambung, tetapi tabel FreeRADIUS tidak ada: radusergroup, radreply, radgroupreply, radacct. Pilih database yang dipakai FreeRADIUS, atau buat tabelnya dari schema.sql FreeRADIUS.',
    });
  });

  it('a SQLite file that is not there: not found, and no empty file made', async () => {
    const result = await ok(t.core, 'isolir.radiusDb.test', { ...form(radiusDb), kind: 'sqlite', path: `${t.dataDir}/tidak-ada.db` }, owner.token);
    expect(result.problem?.code).toBe('RADIUS_DB_NOT_FOUND');
  });
});
