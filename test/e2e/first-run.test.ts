import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';

describe('first run (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('first-run');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('flags every missing field and a mistyped confirmation in one round, focus on the first', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    const form = page.getByTestId('first-run-form');
    await form.getByTestId('input-password').fill('kencana-2026');
    await form.getByTestId('input-confirm').fill('kencana-2025');
    await form.getByTestId('first-run-submit').click();
    for (const name of ['tenantName', 'displayName', 'username', 'confirm']) await form.getByTestId(`error-${name}`).waitFor();
    expect(await form.getByTestId('error-confirm').textContent()).toContain('tidak sama');
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)).toBe('input-tenantName');
  });

  it('creates the ISP and its owner, then lands in the app signed in', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    const form = page.getByTestId('first-run-form');
    await form.waitFor();
    await app.shot('empty');

    await form.getByTestId('input-tenantName').fill('Kencana Net');
    await form.getByTestId('input-timezone').selectOption('Asia/Makassar');
    await form.getByTestId('input-displayName').fill('Made Wirawan');
    await form.getByTestId('input-username').fill('made');
    await form.getByTestId('input-password').fill('kencana-2026');
    await form.getByTestId('input-confirm').fill('kencana-2025');
    await form.getByTestId('first-run-submit').click();
    await form.getByTestId('error-confirm').waitFor();
    expect(await form.getByTestId('error-confirm').textContent()).toContain('tidak sama');
    await app.shot('confirm-mismatch');

    await form.getByTestId('input-confirm').fill('kencana-2026');
    await form.getByTestId('first-run-submit').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('header-tenant').textContent()).toBe('Kencana Net');
    expect(await page.getByTestId('header-zone').textContent()).toBe('WITA');
    expect(await page.getByTestId('header-user').textContent()).toContain('Made Wirawan');
    await page.getByTestId('stat-active').waitFor();
    expect(await page.getByTestId('stat-active').textContent()).toBe('0');
    await app.shot('dashboard');
  });
});
