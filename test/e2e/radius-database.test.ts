import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { startPostgres, type Postgres, type PostgresLogin } from '../support/postgres.js';
import { createRadiusDatabase } from '../support/radius-postgres.js';

const PASSWORD = 'rahasia-demo-1';
const DB_PASSWORD = 'sandi-freeradius-7';

/**
 * "Database FreeRADIUS" on the Routers screen, against a real PostgreSQL 15 with FreeRADIUS's
 * schema: the warning while a RADIUS router has no database, every wrong box in one round, "Tes
 * database" in plain words (a wrong password, then ready), saved with the password sealed.
 */
describe('FreeRADIUS database setting (web mode, Chromium)', () => {
  let app: E2eApp;
  let postgres: Postgres;
  let radiusDb: PostgresLogin;

  beforeAll(async () => {
    postgres = await startPostgres();
    radiusDb = await createRadiusDatabase(postgres, 'radius', { user: 'radius_rrnet', password: DB_PASSWORD });
    app = await startApp('radius-db', { ownerPassword: PASSWORD, demo: true });
    const { core } = app.server;
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    const session = (login.data as { token: string }).token;
    const router = { name: 'RB RADIUS', host: '192.168.90.1', username: 'rrnet', password: 'x', isolirMethod: 'radius', radiusSecret: 'rahasia-nas' };
    const created = await core.call('routers.create', router, { session, locale: 'id' });
    if (!created.ok) throw new Error(created.error.message);
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByTestId('input-username').fill('owner');
    await page.getByTestId('input-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-dashboard').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  });

  it('warns while a RADIUS router has no database, marks every wrong box at once, tests in plain words and saves', async () => {
    const { page } = app;
    await page.getByTestId('nav-routers').click();
    const panel = page.getByTestId('radius-db');
    await panel.getByTestId('radius-db-missing').waitFor();
    expect(await panel.getByTestId('radius-db-summary').textContent()).toContain('Belum diatur');
    expect(await panel.getByTestId('radius-db-missing').textContent()).toContain('1 router memakai metode isolir RADIUS');
    await panel.scrollIntoViewIfNeeded();
    await app.shot('not-set');

    await panel.getByTestId('radius-db-edit').click();
    const form = page.getByTestId('radius-db-form');
    await form.waitFor();
    await form.getByTestId('input-database').fill('');
    await form.getByTestId('input-user').fill('');
    await form.getByTestId('input-port').fill('70000');
    await form.getByTestId('radius-db-save').click();
    for (const field of ['host', 'port', 'database', 'user', 'password']) await form.getByTestId(`error-${field}`).waitFor();
    expect(await form.getByTestId('error-port').textContent()).toContain('1 sampai 65535');
    await app.shot('form-errors');

    await form.getByTestId('input-host').fill(radiusDb.host);
    await form.getByTestId('input-port').fill(String(radiusDb.port));
    await form.getByTestId('input-database').fill(radiusDb.database);
    await form.getByTestId('input-user').fill(radiusDb.user);
    await form.getByTestId('input-password').fill('bukan-sandinya');
    await form.getByTestId('radius-db-test').click();
    const answer = form.getByTestId('radius-db-test-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-code')).toBe('RADIUS_DB_AUTH_FAILED');
    expect(await answer.textContent()).toContain('kata sandi database ditolak');
    await app.shot('test-wrong-password');

    await form.getByTestId('input-password').fill(DB_PASSWORD);
    await form.getByTestId('radius-db-test').click();
    await expect.poll(() => answer.getAttribute('data-code')).toBe('OK');
    expect(await answer.textContent()).toContain('isolir RADIUS siap');
    await app.shot('test-ok');

    await form.getByTestId('radius-db-save').click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => panel.getByTestId('radius-db-summary').textContent())
      .toBe(`PostgreSQL: pengguna radius_rrnet di ${radiusDb.host}:${radiusDb.port}, database radius`);
    expect(await panel.getByTestId('radius-db-missing').count()).toBe(0);
    await app.shot('saved');
    const sealed = app.server.core.db.prepare('SELECT password_sealed FROM radius_databases').pluck().get() as string;
    expect(sealed).not.toContain(DB_PASSWORD);
  });

  it('opened again: the password box is empty and says an empty one keeps the stored password', async () => {
    const { page } = app;
    await page.getByTestId('radius-db').getByTestId('radius-db-edit').click();
    const form = page.getByTestId('radius-db-form');
    await form.waitFor();
    expect(await form.getByTestId('input-password').inputValue()).toBe('');
    expect(await form.textContent()).toContain('Kosongkan untuk tetap memakai yang tersimpan');
    await form.getByTestId('radius-db-test').click();
    await expect.poll(() => form.getByTestId('radius-db-test-answer').getAttribute('data-code')).toBe('OK');
    await form.getByTestId('input-kind').selectOption('sqlite');
    await form.getByTestId('input-path').fill('freeradius.db');
    await form.getByTestId('radius-db-save').click();
    await form.getByTestId('error-path').waitFor();
    expect(await form.getByTestId('error-path').textContent()).toContain('lokasi lengkap');
    await app.shot('sqlite-relative-path');
  });
});
