import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { listsSettled, seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const FINANCE_PASSWORD = 'keuangan-rahasia-1';
const COLLECTOR_PASSWORD = 'tagih-rahasia-1';
/** A 1×1 PNG: the photo of a transfer proof. */
const PROOF_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DAY = /^\d{2}\/\d{2}\/\d{4}$/;

/** An element's text with Intl's non-breaking spaces (Rp 150.000) as the plain ones the tests write. */
async function read(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/**
 * The Tagihan screens against the core in web mode, the RouterOS wire server playing the ISP's
 * MikroTik: this month's invoices made from the screen, a payment in three keystrokes that
 * reconnects an isolated customer, a transfer with its proof, a reversal, a void, the dashboard's
 * money cards; then the same screens as finance, and a collector who has none of them.
 */
describe('Tagihan: invoices, payments and the money cards (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let session = '';
  const ids: Record<'siti' | 'budi' | 'dewi', string> = { siti: '', budi: '', dewi: '' };

  async function contract<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.server.core.call(method, input, { session, locale: 'id' });
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as MethodOutput<M>;
  }

  const profileOf = (username: string) => router.table('/ppp/secret').find((s) => s.name === username)?.profile;

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    const people = [
      { key: 'siti', name: "Siti Nur'aini", phone: '+6281234567890', username: 'siti.nuraini' },
      { key: 'budi', name: 'Budi Santoso', phone: '+6281298765432', username: 'budi.santoso' },
      { key: 'dewi', name: 'Dewi Lestari', phone: '+6285712345678', username: 'dewi.lestari' },
    ] as const;
    router.seed('/ppp/secret', people.map((p) => ({ name: p.username, password: 'x', profile: 'hemat-10m', service: 'pppoe' })));
    router.seed('/ppp/active', [{ name: 'siti.nuraini', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '3h' }]);
    app = await startApp('billing', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const routerId = core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    for (const p of people) {
      // Billing day 1: whatever day the test runs, this month's invoice is due to be made.
      ids[p.key] = seedCustomer(core, tenantId, {
        name: p.name,
        phone: p.phone,
        packageId: pkg.id,
        username: p.username,
        billingDay: 1,
        address: 'Purwokerto',
        routerId,
      }).id;
    }
    await core.bus.drain();
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    session = (login.data as { token: string }).token;
    await contract('users.create', { username: 'keuangan', displayName: 'Bu Keuangan', role: 'finance', password: FINANCE_PASSWORD });
    await contract('users.create', { username: 'tagih', displayName: 'Pak Tagih', role: 'collector', password: COLLECTOR_PASSWORD });
    // Siti has not paid last month: the billing policy isolated her on the router (billloop's scan goes through this door).
    core.services.isolir.request(tenantId, { kind: 'isolate', customerIds: [ids.siti], reason: 'Tagihan lewat jatuh tempo', source: 'policy', requestedBy: null });
    await core.jobs.runDue();
    await core.bus.drain();
    if (profileOf('siti.nuraini') !== 'isolir') throw new Error('Siti was not isolated on the router');
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
  });

  it('makes this month\'s invoices from the Tagihan screen, with the counts, and a rerun makes none', async () => {
    const { page } = app;
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('invoice-table-empty').waitFor();
    await page.getByTestId('invoice-generate').click();
    const result = page.getByTestId('invoice-generate-result');
    await result.waitFor();
    expect(await read(result)).toContain('3 dibuat, 0 sudah punya tagihan');
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(3);
    const first = page.getByTestId('invoice-row').first();
    expect(await read(first)).toContain('Rp');
    expect(await read(first.locator('.badge'))).toBe('Belum dibayar');
    expect(await read(first.locator('td.col-day'))).toMatch(DAY);
    expect(await page.getByTestId('invoice-generate-progress').locator('progress').getAttribute('value')).toBe('3');
    await app.shot('invoices-generated');

    await page.getByTestId('invoice-generate').click();
    await expect.poll(() => read(result)).toContain('0 dibuat, 3 sudah punya tagihan');
    expect((await contract('billing.invoices.list', {})).items).toHaveLength(3);
  });

  it('filters the invoices by status and by a customer\'s name', async () => {
    const { page } = app;
    await page.getByTestId('invoice-filter-status').selectOption('paid');
    await page.getByTestId('invoice-table-empty').waitFor();
    await page.getByTestId('invoice-filter-status').selectOption('');
    await page.getByTestId('invoice-search').fill('dewi');
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    expect(await read(page.getByTestId('invoice-row'))).toContain('Dewi Lestari');
    await app.shot('invoices-search');
  });

  it('opens an invoice with its lines and voids it only with a reason', async () => {
    const { page } = app;
    await page.getByTestId('invoice-row').click();
    await page.getByTestId('invoice-lines').waitFor();
    expect(await read(page.getByTestId('invoice-total'))).toContain('150.000');
    expect(await read(page.getByTestId('invoice-due'))).toMatch(DAY);
    await app.shot('invoice-detail');
    await page.getByTestId('invoice-void').click();
    const dialog = page.getByTestId('void-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('void-dialog-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('void-dialog-reason').fill('Salah paket, dibuat ulang');
    await app.shot('invoice-void-reason');
    await dialog.getByTestId('void-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => read(page.getByTestId('invoice-number'))).toContain('Batal');
    expect(await read(page.getByTestId('invoice-voided'))).toContain('Salah paket, dibuat ulang');
    const voided = await contract('billing.invoices.list', { customerId: ids.dewi });
    expect(voided.items.map((i) => i.status)).toEqual(['void']);
    await page.keyboard.press('Escape');
    await page.getByTestId('invoice-search').fill('');
  });

  it('records a payment in three keystrokes, once for a double Enter, and shows the isolated customer reconnected', async () => {
    const { page } = app;
    // The router is away while the payment is made: the reconnection waits for it, in view.
    await router.setFault('down');
    await page.getByTestId('tab-pay').click();
    const find = page.getByTestId('pay-find');
    await find.waitFor();
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)).toBe('pay-find');
    await find.pressSequentially('siti');
    await page.keyboard.press('Enter');
    const amount = page.getByTestId('pay-amount');
    await expect.poll(() => amount.inputValue()).toBe('150000');
    expect(await read(page.getByTestId('pay-owed'))).toContain('150.000');
    await app.shot('pay-form');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('pay-result');
    await result.waitFor();
    expect(await read(page.getByTestId('pay-result-text'))).toBe("Pembayaran Rp 150.000 dari Siti Nur'aini dicatat.");
    expect(await read(page.getByTestId('pay-result-rest'))).toBe('Semua tagihan lunas.');
    const reconnect = page.getByTestId('pay-reconnect');
    expect(await reconnect.getAttribute('data-state')).toBe('reconnecting');
    expect(await read(reconnect)).toContain('Menyambungkan kembali…');
    await app.shot('pay-reconnecting');

    await router.setFault(null);
    await expect.poll(() => reconnect.getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    expect(await read(reconnect)).toContain('Tersambung');
    expect(profileOf('siti.nuraini')).toBe('hemat-10m');
    await app.shot('pay-reconnected');
    // Two Enters, one payment: the form's request key.
    expect((await contract('billing.payments.list', { customerId: ids.siti })).items).toHaveLength(1);
    expect((await contract('billing.invoices.list', { customerId: ids.siti })).items.map((i) => i.status)).toEqual(['paid']);
  });

  it('asks a transfer for its reference, keeps the proof photo, and says what is still owed', async () => {
    const { page } = app;
    await page.getByTestId('pay-find').pressSequentially('budi');
    await page.keyboard.press('Enter');
    const amount = page.getByTestId('pay-amount');
    await expect.poll(() => amount.inputValue()).toBe('150000');
    await amount.fill('100.000');
    await page.getByTestId('pay-method-bank').check();
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('error-reference').waitFor();
    await page.getByTestId('pay-reference').fill('BCA-20261201-7781');
    await page.getByTestId('pay-proof').setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: PROOF_PNG });
    await app.shot('pay-transfer');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('pay-result').waitFor();
    expect(await read(page.getByTestId('pay-result-rest'))).toBe('Masih kurang Rp 50.000.');
    expect(await page.getByTestId('pay-reconnect').count()).toBe(0);
    const [payment] = (await contract('billing.payments.list', { customerId: ids.budi })).items;
    expect(payment).toMatchObject({ method: 'bank', amount: 100_000, reference: 'BCA-20261201-7781', hasProof: true });
    await app.shot('pay-partial');
  });

  it('lists the day\'s payments and reverses one only with a reason, keeping both entries', async () => {
    const { page } = app;
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(2);
    const budi = page.getByTestId('payment-row').filter({ hasText: 'Budi Santoso' });
    await budi.getByTestId('payment-reverse').click();
    const dialog = page.getByTestId('reverse-dialog');
    expect(await dialog.getByTestId('reverse-dialog-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('reverse-dialog-reason').fill('Transfer tidak masuk ke rekening');
    await dialog.getByTestId('reverse-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(3);
    expect(await read(page.locator('[data-testid="payment-row"][data-reversed="true"]'))).toContain('Dibatalkan');
    expect(await read(page.locator('[data-testid="payment-row"][data-kind="reversal"]'))).toContain('−Rp 100.000');
    await app.shot('payment-history');

    // A day: its own list and what came in on it.
    const { today } = await contract('billing.summary', {});
    const [year, month, day] = today.split('-');
    await page.getByTestId('payment-filter-date').fill(`${day}/${month}/${year}`);
    await page.getByTestId('payment-day-total').waitFor();
    expect(await read(page.getByTestId('payment-day-total'))).toContain('Rp 150.000');
  });

  it("opens one customer's payments and invoices from their page", async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/customers/${ids.siti}`);
    const card = page.getByTestId('customer-billing');
    await card.waitFor();
    expect(await read(card.getByTestId('customer-owed'))).toBe('Rp 0');
    await app.shot('customer-billing-card');
    await card.getByTestId('customer-payments').click();
    await page.getByTestId('payment-filter-customer').waitFor();
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(1);
    expect(await read(page.getByTestId('payment-row'))).toContain("Siti Nur'aini");
    await page.goto(`${app.server.origin}/#/customers/${ids.siti}`);
    await page.getByTestId('customer-invoices').click();
    await page.getByTestId('invoice-filter-customer').waitFor();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    expect(await read(page.getByTestId('invoice-row').locator('.badge'))).toBe('Lunas');
  });

  it('shows the money on the dashboard, each card opening its list', async () => {
    const { page } = app;
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('money-cards').waitFor();
    expect(await read(page.getByTestId('money-today'))).toBe('Rp 150.000');
    expect(await read(page.getByTestId('money-unpaid'))).toBe('Rp 150.000');
    expect(await read(page.getByTestId('money-isolated'))).toBe('0');
    await app.shot('dashboard-money');
    await page.getByTestId('money-unpaid').click();
    await page.getByTestId('invoice-table').waitFor();
    // Unpaid and partly paid: what the card counts.
    expect(await page.getByTestId('invoice-filter-status').inputValue()).toBe('open');
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    expect(await read(page.getByTestId('invoice-row'))).toContain('Budi Santoso');

    // Due in ten days: not this week, as the card says (Rp 0, 0 invoices), and its list agrees.
    await page.getByTestId('nav-dashboard').click();
    expect(await read(page.getByTestId('money-due-week'))).toBe('Rp 0');
    await page.getByTestId('money-due-week').click();
    await page.getByTestId('invoice-filter-due').waitFor();
    await page.getByTestId('invoice-table-empty').waitFor();
    await page.getByTestId('invoice-filter-due').getByRole('button').click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
  });

  it('has no serious or critical axe violation on the Tagihan screens', async () => {
    const { page } = app;
    const found: Record<string, unknown> = {};
    const check = async (name: string) => {
      // A list refreshing is dimmed on purpose (its old rows stay in place meanwhile): checked once it has settled.
      await listsSettled(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    await check('invoices');
    await page.getByTestId('invoice-row').click();
    await page.getByTestId('invoice-lines').waitFor();
    await check('invoice detail');
    await page.getByTestId('invoice-pay').click();
    await page.getByTestId('pay-form').waitFor();
    await check('payment form');
    await page.getByTestId('tab-payments').click();
    await page.getByTestId('payment-row').first().waitFor();
    await check('payment history');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('money-cards').waitFor();
    await check('dashboard');
    expect(found).toEqual({});
  });

  async function asUser(username: string, password: string): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await signIn(page, app.server.url, password, username);
    return page;
  }

  it('gives finance the same screens and money cards', async () => {
    const page = await asUser('keuangan', FINANCE_PASSWORD);
    const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/billing-finance-${name}.png` });
    await page.getByTestId('money-cards').waitFor();
    await shot('dashboard');
    await page.getByTestId('nav-billing').click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(3);
    await shot('invoices');
    await page.getByTestId('tab-pay').click();
    await page.getByTestId('pay-find').pressSequentially('budi');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe('150000');
    await shot('pay');
    await page.getByTestId('tab-payments').click();
    await page.getByTestId('payment-row').first().waitFor();
    await shot('payments');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a collector no Tagihan and no money', async () => {
    const page = await asUser('tagih', COLLECTOR_PASSWORD);
    expect(await page.getByTestId('nav-billing').count()).toBe(0);
    await page.getByTestId('stat-active').waitFor();
    expect(await page.getByTestId('money-cards').count()).toBe(0);
    await page.goto(`${app.server.origin}/#/billing/pay`);
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('pay-desk').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/billing-collector-dashboard.png' });
    await page.context().close();
  });
});
