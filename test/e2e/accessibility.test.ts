import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { focusedTestId, signIn } from './support/customer-list.js';
import { insertFailedMessages } from './support/wa-messages.js';

const PASSWORD = 'rahasia-demo-1';

/** The focused element's ring: the outermost colour of its box-shadow, or its outline. */
const FOCUS_RING = `(() => {
  const style = getComputedStyle(document.activeElement);
  const shadows = style.boxShadow === 'none' ? [] : style.boxShadow.match(/rgba?\\([^)]*\\)/g) ?? [];
  return shadows.length > 0 ? shadows[shadows.length - 1] : style.outlineStyle !== 'none' ? style.outlineColor : 'rgba(0, 0, 0, 0)';
})()`;

describe('accessibility (web mode, Chromium, axe-core WCAG 2.1 A/AA)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('a11y', { ownerPassword: PASSWORD, demo: true });
    // The WhatsApp lists are checked with rows in them: a broadcast waiting for tomorrow, a failed message.
    const { core } = app.server;
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    const session = (login.data as { token: string }).token;
    const scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
    const broadcast = await core.call('wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Pemeliharaan jaringan.', scheduledAt }, { session, locale: 'id' });
    if (!broadcast.ok) throw new Error(broadcast.error.message);
    insertFailedMessages(app.server, 1);
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has no serious or critical axe violation on any main screen', async () => {
    const { page } = app;
    const screens: [string, () => Promise<void>][] = [
      ['dashboard', () => page.getByTestId('stat-active').waitFor()],
      ['customers', () => page.getByTestId('customer-row').first().waitFor()],
      ['customers/packages', () => page.getByTestId('package-row').first().waitFor()],
      ['routers', () => page.getByTestId('router-row').first().waitFor()],
      ['whatsapp/overview', () => page.getByTestId('wa-metrics').waitFor()],
      ['whatsapp/log', () => page.getByTestId('wa-log-table').waitFor()],
      ['whatsapp/broadcast', () => page.getByTestId('wa-broadcast-row').first().waitFor()],
      ['whatsapp/failures', () => page.getByTestId('wa-failure-row').first().waitFor()],
      ['whatsapp/templates', () => page.getByTestId('whatsapp').waitFor()],
      ['settings/profile', () => page.getByTestId('subscription').waitFor()],
      ['settings/users', () => page.getByTestId('user-row').first().waitFor()],
    ];
    const found: Record<string, unknown> = {};
    for (const [path, ready] of screens) {
      await page.goto(`${app.server.origin}/#/${path}`);
      await ready();
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    await page.goto(`${app.server.origin}/#/customers`);
    await page.getByTestId('customer-row').first().click();
    await page.getByTestId('detail-name').waitFor();
    const detail = await seriousViolations(page);
    if (detail.length > 0) found['customer detail'] = detail;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-add').click();
    await page.getByTestId('customer-save').click();
    await page.getByTestId('error-name').waitFor();
    const form = await seriousViolations(page);
    if (form.length > 0) found['customer form with errors'] = form;
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-routers').click();
    await page.getByTestId('router-add').click();
    await page.getByTestId('router-save').click();
    await page.getByTestId('error-name').waitFor();
    const routerForm = await seriousViolations(page);
    if (routerForm.length > 0) found['router form with errors'] = routerForm;
    await page.keyboard.press('Escape');
    expect(found).toEqual({});
  });

  it('offers a skip link as the first Tab stop, which moves focus to the content', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/customers`);
    // A fresh load: Tab starts from the top of the page.
    await page.reload();
    await page.getByTestId('customer-row').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('skip-link');
    await app.shot('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string | null>(`document.activeElement?.id ?? null`)).toBe('content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`document.querySelector('main').contains(document.activeElement)`)).toBe(true);
  });

  it('draws a focus ring of at least 3:1 and gives the focused input its blue border', async () => {
    const { page } = app;
    await page.getByTestId('customer-add').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('customer-add');
    expect(contrastRatio(await page.evaluate<string>(FOCUS_RING), 'rgb(243, 245, 248)')).toBeGreaterThanOrEqual(3);

    await page.getByTestId('customer-search').focus();
    const border = await page.evaluate<string>(`getComputedStyle(document.activeElement).borderTopColor`);
    expect(border).toBe('rgb(11, 92, 171)');
  });

  it('writes badge text at 4.5:1 or better', async () => {
    const { page } = app;
    const badges = await page.evaluate<{ cls: string; color: string; background: string }[]>(`(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll('.badge')) {
        const s = getComputedStyle(el);
        seen.set(el.className, { cls: el.className, color: s.color, background: s.backgroundColor });
      }
      return [...seen.values()];
    })()`);
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect({ badge: badge.cls, ok: contrastRatio(badge.color, badge.background) >= 4.5 }).toEqual({ badge: badge.cls, ok: true });
  });

  it('flags every missing field of an empty customer form in one round, tied to its field, focus on the first, announced once', async () => {
    const { page } = app;
    await page.getByTestId('customer-add').click();
    const form = page.getByTestId('customer-form');
    await form.getByTestId('customer-save').click();
    for (const name of ['name', 'phone', 'packageId', 'username']) await form.getByTestId(`error-${name}`).waitFor();
    expect(await focusedTestId(page)).toBe('input-name');
    const describedBy = await form.getByTestId('input-name').getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy ?? ''}"]`).textContent()).toBe(await form.getByTestId('error-name').textContent());
    expect(await form.getByTestId('input-name').getAttribute('aria-invalid')).toBe('true');
    // One live region for the form's trouble, not one per field.
    expect(await form.locator('[role="alert"], [aria-live]').count()).toBe(1);
    await app.shot('empty-customer-form');
  });

  it("moves focus to the field the core refused, and back to the opener when the dialog closes", async () => {
    const { page, server } = app;
    const form = page.getByTestId('customer-form');
    const taken = server.core.db.prepare('SELECT username FROM customers LIMIT 1').get() as { username: string };
    await form.getByTestId('input-name').fill('Pelanggan Uji Fokus');
    await form.getByTestId('input-phone').fill('0812-1111-2222');
    await form.getByTestId('input-packageId').selectOption({ index: 1 });
    await form.getByTestId('input-username').fill(taken.username);
    await form.getByTestId('input-address').focus();
    await form.getByTestId('customer-save').click();
    await form.getByTestId('error-username').waitFor();
    expect(await focusedTestId(page)).toBe('input-username');

    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('customer-add');
  });

  it('flags every missing field of an empty user form in one round, tied to its field, focus on the first', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/settings/users`);
    await page.getByTestId('user-row').first().waitFor();
    await page.getByTestId('user-add').click();
    const form = page.getByTestId('user-form');
    await form.getByTestId('user-save').click();
    for (const name of ['username', 'displayName', 'password']) await form.getByTestId(`error-${name}`).waitFor();
    expect(await focusedTestId(page)).toBe('input-username');
    const describedBy = await form.getByTestId('input-password').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy ?? ''}"]`).textContent()).toBe(await form.getByTestId('error-password').textContent());
    expect(await form.locator('[role="alert"], [aria-live]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('flags both missing fields of an empty login form in one round, focus on the first', async () => {
    const { page } = app;
    await page.getByTestId('logout').click();
    const form = page.getByTestId('login-form');
    await form.waitFor();
    await form.getByTestId('login-submit').click();
    for (const name of ['username', 'password']) await form.getByTestId(`error-${name}`).waitFor();
    expect(await focusedTestId(page)).toBe('input-username');
    expect(await form.getByTestId('input-password').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('[role="alert"], [aria-live]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await app.shot('empty-login-form');
  });
});
