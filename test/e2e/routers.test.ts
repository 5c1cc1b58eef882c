import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RouterProbe, RouterTarget } from '../../main/network/index.js';
import { startApp, type E2eApp } from './support/browser.js';
import { closedPort, recordingProbe, tcpProbe } from '../support/router-probes.js';

const PASSWORD = 'rahasia-demo-1';
const FINANCE_PASSWORD = 'keuangan-rahasia-1';

/**
 * The router added at `closedPort` is tried for real over TCP (unreachable); any other (the demo's
 * own, a simulator on loopback, too) answers as a healthy RouterOS 7 with 212 sessions.
 */
function officeProbe(closed: () => number): RouterProbe {
  const tcp = tcpProbe();
  const healthy = recordingProbe().probe;
  const pick = (target: RouterTarget) => (target.host === '127.0.0.1' && target.port === closed() ? tcp : healthy);
  return { test: (target) => pick(target).test(target), health: (target) => pick(target).health(target) };
}

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('input-username').fill(username);
  await page.getByTestId('input-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-dashboard').waitFor();
}

/** The Routers screen as a technician-minded office uses it: add, test, edit, remove; finance only looks. */
describe('routers (web mode, Chromium)', () => {
  let app: E2eApp;
  let port: number;

  beforeAll(async () => {
    port = await closedPort();
    app = await startApp('routers', { ownerPassword: PASSWORD, demo: true, routerProbe: officeProbe(() => port) });
    const { core } = app.server;
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    const session = (login.data as { token: string }).token;
    const finance = { username: 'keuangan', displayName: 'Bu Keuangan', role: 'finance', password: FINANCE_PASSWORD };
    const created = await core.call('users.create', finance, { session, locale: 'id' });
    if (!created.ok) throw new Error(created.error.message);
    await signIn(app.page, app.server.url, 'owner', PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows every wrong field in one round, then adds a router pasted with its port after a connection test', async () => {
    const { page } = app;
    await page.getByTestId('nav-routers').click();
    await page.getByTestId('router-row').first().waitFor();
    await app.shot('list');

    await page.getByTestId('router-add').click();
    const form = page.getByTestId('router-form');
    await form.waitFor();
    await form.getByTestId('input-host').fill('192.168.88.300');
    await form.getByTestId('input-apiPort').fill('70000');
    await form.getByTestId('input-username').fill('api user');
    await form.getByTestId('router-save').click();
    for (const field of ['name', 'host', 'apiPort', 'username', 'password']) await form.getByTestId(`error-${field}`).waitFor();
    expect(await form.getByTestId('error-host').textContent()).toContain('192.168.88.1:8728');
    expect(await form.getByTestId('error-apiPort').textContent()).toContain('1 sampai 65535');
    await app.shot('form-errors');

    // A loopback port nobody listens on: the plain answer says what to check.
    await form.getByTestId('input-name').fill('RB Dusun Timur');
    await form.getByTestId('input-apiPort').fill('');
    await form.getByTestId('input-host').fill(` 127.0.0.1:${port} `);
    await form.getByTestId('input-username').fill('rrnet-api');
    await form.getByTestId('input-password').fill('rahasia-router');
    expect(await form.getByTestId('input-host').inputValue()).toBe('127.0.0.1');
    expect(await form.getByTestId('input-apiPort').inputValue()).toBe(String(port));
    await form.getByTestId('router-test').click();
    const answer = form.getByTestId('router-test-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-code')).toBe('UNREACHABLE');
    expect(await answer.textContent()).toContain('Router tidak bisa dihubungi');
    await app.shot('test-unreachable');

    await form.getByTestId('input-host').fill('192.168.88.1:8728');
    await form.getByTestId('input-username').click();
    await form.getByTestId('router-test').click();
    // Polled from the test, not in the page: a string waitForFunction is eval'd there once its first
    // check fails (a loaded machine), which the app's CSP refuses.
    await expect.poll(() => answer.getAttribute('data-code')).toBe('OK');
    expect(await answer.textContent()).toContain('MikroTik-Pusat');
    await app.shot('test-ok');

    await form.getByTestId('router-save').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur' });
    await row.waitFor();
    expect(await row.textContent()).toContain('192.168.88.1:8728');
    const stored = app.server.core.db.prepare(`SELECT password_ref FROM routers WHERE name = 'RB Dusun Timur'`).pluck().get() as string;
    expect(stored).not.toContain('rahasia-router');
  });

  it('edits a router leaving the password empty, which keeps the stored one', async () => {
    const { page } = app;
    const row = page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur' });
    await row.getByTestId('router-edit').click();
    const form = page.getByTestId('router-form');
    await form.waitFor();
    expect(await form.getByTestId('input-password').inputValue()).toBe('');
    await form.getByTestId('input-name').fill('RB Dusun Timur 2');
    await form.getByTestId('input-tls').check();
    await form.getByTestId('input-apiPort').fill('');
    await form.getByTestId('input-isolirMethod').selectOption('radius');
    await form.getByTestId('router-save').click();
    // RADIUS needs its secret: said next to the box, nothing saved.
    await form.getByTestId('error-radiusSecret').waitFor();
    await app.shot('edit-radius-needs-secret');
    await form.getByTestId('input-radiusSecret').fill('radius-rahasia');
    await form.getByTestId('router-save').click();
    await form.waitFor({ state: 'detached' });
    const edited = page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur 2' });
    await edited.waitFor();
    expect(await edited.textContent()).toContain('192.168.88.1:8729');
    const { core } = app.server;
    const id = core.db.prepare(`SELECT id FROM routers WHERE name = 'RB Dusun Timur 2'`).pluck().get() as string;
    const tenantId = core.services.tenants.primaryId() ?? '';
    expect(core.services.routers.target(tenantId, id).password).toBe('rahasia-router');
  });

  it('refuses to remove a router customers use, saying how many and what to do; removes one nobody uses', async () => {
    const { page } = app;
    await page.getByTestId('router-row').filter({ hasText: 'MikroTik Pusat' }).getByTestId('router-remove').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Pengaturan di router sendiri tidak diubah');
    await dialog.getByTestId('confirm-ok').click();
    await dialog.getByTestId('form-error').waitFor();
    expect(await dialog.getByTestId('form-error').textContent()).toMatch(/masih dipakai [\d.]+ pelanggan.*Pindahkan mereka/);
    await app.shot('remove-refused');
    await dialog.getByTestId('confirm-dismiss').click();

    await page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur 2' }).getByTestId('router-remove').click();
    await dialog.getByTestId('confirm-ok').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur 2' }).waitFor({ state: 'detached' });
  });

  it('shows a router health when asked', async () => {
    const { page } = app;
    await page.getByTestId('router-row').filter({ hasText: 'MikroTik Pusat' }).getByTestId('router-check').click();
    const panel = page.getByTestId('router-health');
    await panel.getByTestId('router-health-pppoe').waitFor();
    expect(await panel.getByTestId('router-health-state').textContent()).toBe('Menyala');
    expect(await panel.getByTestId('router-health-pppoe').textContent()).toBe('212');
    // What the router said it is now shows in the list.
    await page.getByTestId('router-row').filter({ hasText: '7.16.2' }).waitFor();
    await app.shot('health');
  });

  it('lets finance see the routers without passwords or edit buttons', async () => {
    const { page } = app;
    await page.getByTestId('logout').click();
    await signIn(page, app.server.url, 'keuangan', FINANCE_PASSWORD);
    await page.getByTestId('nav-routers').click();
    await page.getByTestId('router-row').first().waitFor();
    await page.getByTestId('routers-read-only').waitFor();
    expect(await page.getByTestId('router-add').count()).toBe(0);
    expect(await page.getByTestId('router-edit').count()).toBe(0);
    expect(await page.getByTestId('router-remove').count()).toBe(0);
    expect(await page.content()).not.toContain('demo-password');
    await app.shot('finance-read-only');
  });
});
