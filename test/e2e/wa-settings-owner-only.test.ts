import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeWweb } from '../support/fake-wweb-client.js';
import { startApp, type E2eApp } from './support/browser.js';

const OWNER_PASSWORD = 'rahasia-demo-1';
const ADMIN_PASSWORD = 'rahasia-admin-1';

/** The hint a field's control is described by, as a screen reader would read it. */
async function hintOf(page: Page, control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  return (await page.locator(`[id="${id ?? ''}"]`).textContent()) ?? '';
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('input-username').fill(username);
  await page.getByTestId('input-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-whatsapp').waitFor();
}

/** The settings with Fonnte first and whatsapp-web.js as fallback, so both guarded fields show. */
async function openSettings(page: Page): Promise<Locator> {
  await page.getByTestId('nav-whatsapp').click();
  await page.getByTestId('tab-settings').click();
  const form = page.getByTestId('wa-settings-form');
  await form.waitFor();
  await form.getByTestId('wa-provider').selectOption('fonnte');
  await form.getByTestId('wa-fallback').selectOption('wwebjs');
  await form.getByTestId('wa-browser-path').waitFor();
  return form;
}

describe('WhatsApp settings: the fields only the owner changes (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('wa-settings-owner', { ownerPassword: OWNER_PASSWORD, demo: true, wa: { clientFactory: createFakeWweb().factory } });
    const owner = await app.server.core.call('auth.login', { username: 'owner', password: OWNER_PASSWORD }, { session: null, locale: 'id' });
    if (!owner.ok) throw new Error('owner sign-in failed');
    const token = (owner.data as { token: string }).token;
    const admin = await app.server.core.call(
      'users.create',
      { username: 'kasir', displayName: 'Kasir', role: 'admin', password: ADMIN_PASSWORD },
      { session: token, locale: 'id' },
    );
    if (!admin.ok) throw new Error('admin not created');
    await app.page.goto(app.server.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('tells the owner that a new Fonnte address removes the stored token, and which browsers are accepted', async () => {
    const { page } = app;
    await signIn(page, 'owner', OWNER_PASSWORD);
    const form = await openSettings(page);
    const url = form.getByTestId('wa-fonnte-url');
    const browser = form.getByTestId('wa-browser-path');
    expect(await hintOf(page, url)).toContain('Mengganti alamat server menghapus token yang tersimpan');
    expect(await hintOf(page, browser)).toContain('Chrome, Edge, Chromium atau Brave di komputer ini, bukan folder jaringan');
    expect(await url.getAttribute('readonly')).toBeNull();
    expect(await browser.getAttribute('readonly')).toBeNull();
    await url.scrollIntoViewIfNeeded();
    await app.shot('owner-settings');

    await browser.fill('\\\\server\\share\\chrome.exe');
    await form.getByTestId('wa-settings-save').click();
    await form.getByTestId('error-browserPath').waitFor();
    expect(await form.getByTestId('error-browserPath').textContent()).toContain('Alamat jaringan');
    await form.getByTestId('error-browserPath').scrollIntoViewIfNeeded();
    await app.shot('browser-path-network-refused');
    await page.getByTestId('logout').click();
  });

  it('shows an admin both fields read-only, saying only the owner can change them', async () => {
    const { page } = app;
    await page.getByTestId('login-form').waitFor();
    await signIn(page, 'kasir', ADMIN_PASSWORD);
    const form = await openSettings(page);
    for (const testId of ['wa-fonnte-url', 'wa-browser-path']) {
      const control = form.getByTestId(testId);
      expect(await control.getAttribute('readonly'), testId).not.toBeNull();
      expect(await hintOf(page, control), testId).toContain('Hanya pemilik (owner) yang dapat mengubah ini.');
    }
    await form.getByTestId('wa-fonnte-url').scrollIntoViewIfNeeded();
    await app.shot('admin-settings');
  });
});
