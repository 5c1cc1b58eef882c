import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/customer-list.js';
import { startApp, type E2eApp } from './support/browser.js';

const PASSWORD = 'rahasia-demo-1';
const COLLECTOR_PASSWORD = 'tagih-rahasia-1';

/** Customers and the shell as an RT/RW Net office meets them: phones, warnings, roles, wording. */
describe('customers and the shell (web mode, Chromium)', () => {
  let app: E2eApp;
  /** A demo customer to type again: their name and phone. */
  let existing: { name: string; phone: string; code: string };

  beforeAll(async () => {
    app = await startApp('people', { ownerPassword: PASSWORD, demo: true });
    const { core } = app.server;
    existing = core.db.prepare(`SELECT name, phone, code FROM customers WHERE status = 'active' ORDER BY code LIMIT 1`).get() as typeof existing;
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    const session = (login.data as { token: string }).token;
    const user = { username: 'tagih', displayName: 'Pak Tagih', role: 'collector', password: COLLECTOR_PASSWORD };
    const created = await core.call('users.create', user, { session, locale: 'id' });
    if (!created.ok) throw new Error(created.error.message);
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the tab each dashboard card is about', async () => {
    const { page } = app;
    await page.getByTestId('stat-isolated').click();
    await page.getByTestId('customer-table').waitFor();
    expect(await page.getByTestId('tab-customers').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('filter-status').inputValue()).toBe('isolated');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('stat-packages').click();
    await page.getByTestId('package-row').first().waitFor();
    expect(await page.getByTestId('tab-packages').getAttribute('aria-selected')).toBe('true');
    await app.shot('dashboard-packages-card');
  });

  it('refuses a landline for WhatsApp, saves it marked "tidak ada WhatsApp", and warns of a duplicate phone and name', async () => {
    const { page } = app;
    await page.getByTestId('tab-customers').click();
    await page.getByTestId('customer-add').click();
    const form = page.getByTestId('customer-form');
    await form.waitFor();

    // The same name and phone as a demo customer: a warning, not a refusal.
    await form.getByTestId('input-name').fill(existing.name.toUpperCase());
    await form.getByTestId('input-phone').fill(existing.phone);
    await form.getByTestId('warning-phone').waitFor();
    await form.getByTestId('warning-name').waitFor();
    expect(await form.getByTestId('warning-phone').textContent()).toContain(`sudah dipakai ${existing.code}`);
    expect(await form.getByTestId('warning-name').textContent()).toContain(existing.code);
    await app.shot('customer-form-duplicate-warnings');

    await form.getByTestId('input-name').fill('Kantor Kelurahan Sokaraja');
    await form.getByTestId('input-phone').fill('(0281) 637123');
    // Coordinates as Google Maps copies them, pasted into one box, fill both.
    await form.getByTestId('input-latitude').fill('-7.4245, 109.2303');
    expect(await form.getByTestId('input-latitude').inputValue()).toBe('-7.4245');
    expect(await form.getByTestId('input-longitude').inputValue()).toBe('109.2303');
    const firstPackage = await form.getByTestId('input-packageId').locator('option').nth(1).getAttribute('value');
    await form.getByTestId('input-packageId').selectOption(firstPackage ?? '');
    await form.getByTestId('input-username').fill('kelurahan.sokaraja');
    await form.getByTestId('customer-save').click();
    await form.getByTestId('error-phone').waitFor();
    expect(await form.getByTestId('error-phone').textContent()).toContain('Tidak ada WhatsApp');
    await app.shot('customer-form-landline-refused');

    await form.getByTestId('input-noWhatsapp').check();
    await form.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('customer-row').filter({ hasText: 'Kantor Kelurahan Sokaraja' });
    await page.getByTestId('filter-status').selectOption(''); // still "Isolir" from the dashboard card
    await page.getByTestId('customer-search').fill('kelurahan sokaraja');
    await row.waitFor();
    expect(await row.textContent()).toContain('tidak ada WhatsApp');
    await row.click();
    await page.getByTestId('detail-no-whatsapp').waitFor();
    expect(await page.getByTestId('detail-phone').textContent()).toBe('0281637123 · tidak ada WhatsApp');
    await app.shot('customer-detail-no-whatsapp');
  });

  it('promises only what is true when deactivating: the router is not told yet', async () => {
    const { page } = app;
    await page.getByTestId('customer-toggle').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).not.toContain('Layanan dihentikan');
    expect(text).toContain('Internetnya belum diputus');
    expect(text).toContain('"kelurahan.sokaraja"');
    await app.shot('confirm-deactivate-honest');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('says how many customers a price change reaches before it is saved', async () => {
    const { page } = app;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('tab-packages').click();
    const first = page.getByTestId('package-row').first();
    await first.waitFor();
    const count = Number((await first.locator('td.num').nth(1).textContent())?.replace(/\D/g, ''));
    await first.getByTestId('package-edit').click();
    const form = page.getByTestId('package-form');
    await form.getByTestId('input-price').fill('999000');
    await form.getByTestId('warning-price').waitFor();
    expect(await form.getByTestId('warning-price').textContent()).toContain(`berlaku untuk ${count.toLocaleString('id-ID')} pelanggan aktif`);
    await app.shot('package-price-change');
    await page.keyboard.press('Escape');
  });

  it('reads and shows the log dates as dd/mm/yyyy, whatever the browser speaks', async () => {
    const { page } = app;
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('tab-log').click();
    const from = page.getByTestId('wa-log-from');
    await from.fill('5/1/2026');
    await from.blur();
    expect(await from.inputValue()).toBe('05/01/2026');
    expect(await from.getAttribute('placeholder')).toBe('hh/bb/tttt');
    await app.shot('wa-log-dates');
  });

  it('shows a collector the sections and numbers of their work: no revenue, no WhatsApp, customers by search', async () => {
    const { page } = app;
    await page.getByTestId('logout').click();
    await page.getByTestId('input-username').fill('tagih');
    await page.getByTestId('input-password').fill(COLLECTOR_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('stat-active').waitFor();
    expect(await page.getByTestId('stat-revenue').count()).toBe(0);
    expect(await page.getByTestId('nav-whatsapp').count()).toBe(0);
    await app.shot('collector-dashboard');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-search-first').waitFor();
    expect(await page.getByTestId('customer-row').count()).toBe(0);
    await app.shot('collector-customers-search-first');
    await page.getByTestId('customer-search').fill(existing.name);
    await page.getByTestId('customer-row').first().waitFor();
    expect(await page.getByTestId('customer-row').first().textContent()).toContain(existing.name);
    await app.shot('collector-customers-found');

    // An address of a section the role does not have lands on the dashboard.
    await page.goto(`${app.server.url.split('#')[0]}#/whatsapp/log`);
    await page.getByTestId('dashboard').waitFor();
  });
});
