import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type E2eApp } from './support/browser.js';

const OWNER_PASSWORD = 'pemilik-web-123';
const NEW_PASSWORD = 'pemilik-baru-456';

describe('sign-in safety (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('sign-in-safety', { ownerPassword: OWNER_PASSWORD });
  });

  afterAll(async () => {
    await app?.close();
  });

  const signIn = async (page: Page, password: string) => {
    await page.getByTestId('input-username').fill('owner');
    await page.getByTestId('input-password').fill(password);
    await page.getByTestId('login-submit').click();
  };

  it('a screen whose session ended elsewhere (password changed) goes to the login screen by itself', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByTestId('login-form').waitFor();
    await signIn(page, OWNER_PASSWORD);
    await page.getByTestId('dashboard').waitFor();

    // The owner changes the password on another computer: every other screen's session ends.
    const elsewhere = await app.server.core.call('auth.login', { username: 'owner', password: OWNER_PASSWORD }, { source: 'web:10.0.0.2' });
    expect(elsewhere.ok).toBe(true);
    const token = elsewhere.ok ? (elsewhere.data as { token: string }).token : '';
    const changed = await app.server.core.call('auth.changePassword', { currentPassword: OWNER_PASSWORD, newPassword: NEW_PASSWORD }, { session: token });
    expect(changed.ok).toBe(true);

    // Nobody touches this screen: its events channel is closed and it finds out on its own.
    await page.getByTestId('login-form').waitFor();
    expect(await page.locator('.form-notice').textContent()).toContain('Sesi Anda sudah berakhir');
    await app.shot('session-ended-elsewhere');
  });

  it('too many wrong passwords: the wait is stated, with the owner recovery path', async () => {
    const { page } = app;
    for (let i = 0; i < 5; i++) {
      await signIn(page, `salah-sandi-${i}`);
      await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('Nama pengguna atau kata sandi salah');
    }
    await signIn(page, NEW_PASSWORD);
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('Terlalu banyak percobaan masuk. Coba lagi dalam 30 detik.');
    expect(await page.getByTestId('login-throttled-hint').textContent()).toContain('--unlock-login');
    await app.shot('throttled');
  });
});
