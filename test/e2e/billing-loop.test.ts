import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { addDays, localDate } from '../../shared/util/local-date.js';
import { startFonnteServer, type FonnteServer } from '../support/fonnte-server.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { listsSettled, seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
/** Generous: the router answers in milliseconds; this only bounds a broken run. */
const ROUTER_WAIT = { timeout: 10_000 };

/** An element's text with Intl's non-breaking spaces (Rp 150.000) as the plain ones the tests write. */
async function read(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/**
 * The money loop end to end, in Chromium against the core in web mode, the RouterOS wire server as
 * the ISP's MikroTik and the Fonnte stand-in as WhatsApp: an invoice past due + grace, the daily
 * scan, the customer isolated on the router and in the console and told on WhatsApp; then a
 * payment on Tagihan, the reconnection seen on the payment screen and on the router, and the
 * payment's WhatsApp in the log. On the way, Tagihan filtered by the customers' area.
 */
describe('the billing loop: overdue -> isolated -> paid -> reconnected (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let fonnte: FonnteServer;
  let session = '';
  let tenantId = '';
  const ids = { sari: '', agus: '' };

  async function contract<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.server.core.call(method, input, { session, locale: 'id' });
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as MethodOutput<M>;
  }

  const secret = () => router.table('/ppp/secret').find((s) => s.name === 'sari.wulandari');
  const sessions = () => router.table('/ppp/active').filter((s) => s.name === 'sari.wulandari').length;
  const sentTo = (phone: string) => fonnte.received.filter((m) => m.outcome === 'accepted' && m.target.endsWith(phone)).map((m) => m.message);

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [
      { name: 'sari.wulandari', password: 'x', profile: 'hemat-10m', service: 'pppoe' },
      { name: 'agus.pratama', password: 'x', profile: 'hemat-10m', service: 'pppoe' },
    ]);
    router.seed('/ppp/active', [{ name: 'sari.wulandari', address: '10.10.0.31', 'caller-id': 'AA:BB:CC:00:00:31', uptime: '5h' }]);
    fonnte = await startFonnteServer();
    app = await startApp('billing-loop', { ownerPassword: PASSWORD });
    const core = app.server.core;
    tenantId = core.services.tenants.primaryId() ?? '';
    core.services.tenants.applySubscription(tenantId, { plan: 'pro', addons: [], status: 'active' });
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    session = (login.data as { token: string }).token;
    // WhatsApp through Fonnte; no quiet hours, or a run at night (WIB) would hold every message until morning.
    await contract('wa.settings.update', { provider: 'fonnte', fonnteToken: 'test-device-token', fonnteBaseUrl: fonnte.url, quietHours: null });
    const routerId = (await contract('routers.create', { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: 'pppoe-profile' })).id;
    const packageId = (await contract('packages.create', { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M' })).id;
    const person = (name: string, phone: string, username: string, area: string) =>
      contract('customers.create', { name, phone, username, area, packageId, routerId, billingDay: 1, address: 'Purwokerto' }).then((c) => c.id);
    ids.sari = await person('Sari Wulandari', '0812-3100-0031', 'sari.wulandari', 'RT 03/RW 05');
    ids.agus = await person('Agus Pratama', '0812-3100-0032', 'agus.pratama', 'Dusun Krajan');
    // Billing day 1: this month's invoices are made today, whatever day the test runs.
    await contract('billing.invoices.generate', {});
    // Sari's is past due and past the 7 grace days: the web server runs on the real clock, so her
    // invoice's days are moved back instead of the clock forward.
    const today = localDate(Date.now(), 'Asia/Jakarta');
    core.db.prepare('UPDATE invoices SET issue_date = ?, due_date = ? WHERE customer_id = ?').run(addDays(today, -20), addDays(today, -10), ids.sari);
    await core.bus.drain();
    await core.jobs.runDue();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
    await fonnte?.close();
  });

  it('the daily scan isolates the overdue customer: on the router, in the console, and on WhatsApp', async () => {
    const { page } = app;
    const scan = app.server.core.services.billingLoop.runDay(tenantId);
    expect(scan).toMatchObject({ isolated: 1 });
    await expect.poll(() => secret()?.profile, ROUTER_WAIT).toBe('isolir');
    await expect.poll(sessions, ROUTER_WAIT).toBe(0);
    // Agus's invoice is not due yet: left alone.
    expect(router.table('/ppp/secret').find((s) => s.name === 'agus.pratama')?.profile).toBe('hemat-10m');

    await page.getByTestId('nav-customers').click();
    const sari = page.getByTestId('customer-row').filter({ hasText: 'Sari Wulandari' });
    await expect.poll(() => read(sari.locator('.badge'))).toBe('Isolir');
    expect(await read(page.getByTestId('customer-row').filter({ hasText: 'Agus Pratama' }).locator('.badge'))).toBe('Aktif');
    await app.shot('customer-isolated');

    await expect.poll(() => sentTo('81231000031').length, ROUTER_WAIT).toBe(1);
    expect(sentTo('81231000031')[0]).toContain('layanan internet Anda untuk sementara kami hentikan (isolir)');
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('tab-log').click();
    const isolatedRow = page.getByTestId('wa-log-row').filter({ hasText: 'Pelanggan diisolir' });
    await expect.poll(() => isolatedRow.count()).toBe(1);
    expect(await read(isolatedRow)).toMatch(/0812\*+0031/);
    await app.shot('wa-log-isolated');
  });

  it('filters Tagihan by the customers\' area', async () => {
    const { page } = app;
    await page.getByTestId('nav-billing').click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(2);
    const area = page.getByTestId('invoice-filter-area');
    expect(await area.locator('option').allTextContents()).toEqual(['Semua wilayah', 'Tanpa wilayah', 'Dusun Krajan', 'RT 03/RW 05']);
    await area.selectOption({ label: 'RT 03/RW 05' });
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(1);
    expect(await read(page.getByTestId('invoice-row'))).toContain('Sari Wulandari');
    await app.shot('invoices-by-area');
    await area.selectOption({ label: 'Tanpa wilayah' });
    await page.getByTestId('invoice-table-empty').waitFor();
    await area.selectOption({ label: 'Semua wilayah' });
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(2);
  });

  it('a payment on Tagihan reconnects her at once: seen on the payment screen and on the router, then told on WhatsApp', async () => {
    const { page } = app;
    await page.getByTestId('tab-pay').click();
    await page.getByTestId('pay-find').pressSequentially('sari');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe('150000');
    await app.shot('pay-form');
    await page.keyboard.press('Enter');
    await page.getByTestId('pay-result').waitFor();
    expect(await read(page.getByTestId('pay-result-text'))).toBe('Pembayaran Rp 150.000 dari Sari Wulandari dicatat.');
    const reconnect = page.getByTestId('pay-reconnect');
    await expect.poll(() => reconnect.getAttribute('data-state'), ROUTER_WAIT).toBe('connected');
    expect(await read(reconnect)).toContain('Tersambung');
    await app.shot('pay-reconnected');
    // Back on her package on the router (the wire server's own table).
    await expect.poll(() => secret()?.profile, ROUTER_WAIT).toBe('hemat-10m');

    await expect.poll(() => sentTo('81231000031').some((m) => m.includes('Pembayaran diterima: Rp')), ROUTER_WAIT).toBe(true);
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('tab-log').click();
    const paidRow = page.getByTestId('wa-log-row').filter({ hasText: 'Pembayaran diterima' });
    await expect.poll(() => paidRow.count()).toBe(1);
    await app.shot('wa-log-paid');
    expect((await contract('billing.invoices.list', { customerId: ids.sari })).items.map((i) => i.status)).toEqual(['paid']);
  });

  it('offers the tenant\'s areas in the customer form', async () => {
    const { page } = app;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-add').click();
    const form = page.getByTestId('customer-form');
    await form.waitFor();
    // A string: this runs in the page, and the tests' TypeScript has no DOM types.
    expect(await page.evaluate<string[]>(`Array.from(document.querySelectorAll('#customer-areas option'), (o) => o.value)`)).toEqual(['Dusun Krajan', 'RT 03/RW 05']);
    await form.getByTestId('input-area').fill('RT 03/RW 05');
    await app.shot('customer-form-area');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('has no serious or critical axe violation on the screens of the loop', async () => {
    const { page } = app;
    const found: Record<string, unknown> = {};
    const check = async (name: string) => {
      await listsSettled(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    await page.getByTestId('filter-area').selectOption({ label: 'RT 03/RW 05' });
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    await check('customers by area');
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('tab-invoices').click();
    await page.getByTestId('invoice-row').first().waitFor();
    await check('invoices with the area filter');
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('tab-log').click();
    await page.getByTestId('wa-log-row').first().waitFor();
    await check('whatsapp log');
    expect(found).toEqual({});
  });
});
