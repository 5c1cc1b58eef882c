import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { addDays } from '../../shared/util/local-date.js';
import { formatRupiah } from '../../shared/util/money.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { seriousViolations, type AxeViolation } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { focusedTestId, scrollContent, signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const ADMIN_PASSWORD = 'admin-rahasia-1';
const FINANCE_PASSWORD = 'keuangan-rahasia-1';

/** An element's text with Intl's non-breaking spaces (Rp 150.000) as the plain ones the tests write. */
async function read(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

const shown = (day: string) => day.split('-').reverse().join('/');
const rupiah = (amount: number) => formatRupiah(amount).replace(/\u00a0/g, ' ');

/**
 * Tagihan > Pengaturan and the money loop on screen, against the core in web mode and the RouterOS
 * wire server: settings saved and read back after a reload (and refused ones on their fields), an
 * exemption set and revoked with its reason by an admin, a promise to pay that reconnects an
 * isolated customer on the router (and one refused in plain words), a discount and a charge on an
 * invoice, a one-off invoice; then what finance may and may not do there.
 */
describe('Tagihan: settings, exemptions, promises to pay, invoice lines (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let session = '';
  let today = '';
  const ids: Record<'siti' | 'budi' | 'dewi', string> = { siti: '', budi: '', dewi: '' };
  const axeFound: Record<string, AxeViolation[]> = {};

  async function contract<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.server.core.call(method, input, { session, locale: 'id' });
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as MethodOutput<M>;
  }

  const profileOf = (username: string) => router.table('/ppp/secret').find((s) => s.name === username)?.profile;

  /** axe on the page as it is now, once its lists have settled and faded back in; what it finds is reported together at the end. */
  async function axe(page: Page, name: string): Promise<void> {
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    // A refreshed list fades back in (0.15 s): mid-fade, axe reads its rows as low contrast.
    await expect.poll(() => page.evaluate<boolean>(`[...document.querySelectorAll('.table-wrap')].every((e) => getComputedStyle(e).opacity === '1')`)).toBe(true);
    const violations = await seriousViolations(page);
    if (violations.length > 0) axeFound[name] = violations;
  }

  async function asUser(username: string, password: string): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await signIn(page, app.server.url, password, username);
    return page;
  }

  const shotOf = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/billing-settings-${name}.png` });

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    const people = [
      { key: 'siti', name: "Siti Nur'aini", phone: '+6281234567890', username: 'siti.nuraini' },
      { key: 'budi', name: 'Budi Santoso', phone: '+6281298765432', username: 'budi.santoso' },
      { key: 'dewi', name: 'Dewi Lestari', phone: '+6285712345678', username: 'dewi.lestari' },
    ] as const;
    router.seed('/ppp/secret', people.map((p) => ({ name: p.username, password: 'x', profile: 'hemat-10m', service: 'pppoe' })));
    app = await startApp('billing-settings', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const routerId = core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    for (const p of people) {
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
    await contract('users.create', { username: 'admin1', displayName: 'Mas Admin', role: 'admin', password: ADMIN_PASSWORD });
    await contract('users.create', { username: 'keuangan', displayName: 'Bu Keuangan', role: 'finance', password: FINANCE_PASSWORD });
    await contract('billing.invoices.generate', {});
    today = (await contract('billing.summary', {})).today;
    // Siti owes this month and the billing policy isolated her on the router.
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

  it('refuses wrong billing settings on their fields, focus on the first, and saves good ones that a reload reads back', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/billing/settings`);
    const form = page.getByTestId('billing-settings-form');
    await form.waitFor();
    expect(await page.getByTestId('input-ppn').inputValue()).toBe('0');
    await app.shot('settings');

    await page.getByTestId('input-ppn').fill('sebelas');
    await page.getByTestId('input-graceDays').fill('100');
    await page.getByTestId('input-officeCode').fill('KANTOR');
    await page.getByTestId('billing-settings-save').click();
    await form.getByTestId('error-ppnPercent').waitFor();
    expect(await read(form.getByTestId('error-ppnPercent'))).toBe('Tulis persen dengan angka, mis. 11 atau 11,5.');
    expect(await read(form.getByTestId('error-graceDays'))).toBe('Terlalu besar.');
    expect(await read(form.getByTestId('error-officeCode'))).toContain('Kode kantor 1-4 huruf');
    expect(await focusedTestId(page)).toBe('input-ppn');
    // The message is what a screen reader reads on the field.
    const describedBy = await page.getByTestId('input-ppn').getAttribute('aria-describedby');
    expect(await page.getByTestId('error-ppnPercent').getAttribute('id')).toBe(describedBy);
    expect(await page.getByTestId('input-ppn').getAttribute('aria-invalid')).toBe('true');
    await app.shot('settings-refused');
    expect((await contract('billing.settings.get', {})).ppnBps).toBe(0);

    await page.getByTestId('input-ppn').fill('11,5');
    await page.getByTestId('input-graceDays').fill('5');
    await page.getByTestId('input-officeCode').fill('b');
    await page.getByTestId('input-prorateFirstMonth').check();
    await page.getByTestId('input-paymentUrlPattern').fill('https://bayar.rrnet.id/{{invoice_number}}');
    expect(await read(page.getByTestId('payment-url-example'))).toContain(`https://bayar.rrnet.id/INV%2F${today.slice(0, 7).replace('-', '')}%2FB-00001`);
    await page.getByTestId('billing-settings-save').click();
    await expect.poll(async () => (await contract('billing.settings.get', {})).ppnBps).toBe(1150);
    expect(await contract('billing.settings.get', {})).toMatchObject({ graceDays: 5, officeCode: 'B', prorateFirstMonth: true, paymentUrlPattern: 'https://bayar.rrnet.id/{{invoice_number}}' });

    await page.reload();
    await form.waitFor();
    expect(await page.getByTestId('input-ppn').inputValue()).toBe('11,5');
    expect(await page.getByTestId('input-graceDays').inputValue()).toBe('5');
    expect(await page.getByTestId('input-officeCode').inputValue()).toBe('B');
    expect(await page.getByTestId('input-prorateFirstMonth').isChecked()).toBe(true);
  });

  it('reads reminder days back in words, refuses a wrong list on its field, and keeps the saved schedule', async () => {
    const { page } = app;
    const form = page.getByTestId('loop-settings-form');
    expect(await page.getByTestId('input-reminderDays').inputValue()).toBe('-3, -1, 0');
    await page.getByTestId('input-reminderDays').fill('-3, besok');
    await page.getByTestId('loop-settings-save').click();
    await form.getByTestId('error-reminderDays').waitFor();
    expect(await focusedTestId(page)).toBe('input-reminderDays');

    await page.getByTestId('input-reminderDays').fill('-5, 0, 2');
    expect(await read(form.locator('.field-hint').first())).toBe('Pengingat dikirim 5 hari sebelum jatuh tempo, pada hari jatuh tempo, 2 hari sesudah jatuh tempo.');
    await page.getByTestId('input-promiseMaxDays').fill('3');
    await page.getByTestId('loop-settings-save').click();
    await expect.poll(async () => (await contract('billing.loopSettings.get', {})).promiseMaxDays).toBe(3);
    expect((await contract('billing.loopSettings.get', {})).reminderDays).toEqual([-5, 0, 2]);
    await page.reload();
    await form.waitFor();
    expect(await page.getByTestId('input-reminderDays').inputValue()).toBe('-5, 0, 2');
    expect(await page.getByTestId('input-promiseMaxDays').inputValue()).toBe('3');
    await page.getByTestId('exemption-table-empty').waitFor();
    await app.shot('settings-saved');
    await scrollContent(page, 10_000);
    await app.shot('settings-payment-link');
    await scrollContent(page, 0);
    await axe(page, 'settings tab');
  });

  it('lets an admin exempt a customer from auto-isolir with a reason, shows who and why, and revoke it', async () => {
    const page = await asUser('admin1', ADMIN_PASSWORD);
    await page.goto(`${app.server.origin}/#/customers/${ids.dewi}`);
    const card = page.getByTestId('customer-billing');
    await card.getByTestId('customer-exemption-set').click();
    const dialog = page.getByTestId('exemption-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('exemption-dialog-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('exemption-dialog-reason').fill('Kantor desa tempat router');
    await shotOf(page, 'admin-exemption-dialog');
    await axe(page, 'exemption dialog');
    await dialog.getByTestId('exemption-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const text = card.getByTestId('customer-exemption-text');
    await text.waitFor();
    expect(await read(text)).toContain('Kantor desa tempat router (Mas Admin,');
    expect(await read(text)).toMatch(/WIB/);
    await shotOf(page, 'admin-exempt-customer');
    expect(await contract('billing.exemptions.list', {})).toMatchObject([{ customerId: ids.dewi, reason: 'Kantor desa tempat router', setBy: 'Mas Admin' }]);

    // The list in Pengaturan says the same.
    await page.goto(`${app.server.origin}/#/billing/settings`);
    await expect.poll(() => page.getByTestId('exemption-row').count()).toBe(1);
    expect(await read(page.getByTestId('exemption-row'))).toContain('Dewi Lestari');
    expect(await read(page.getByTestId('exemption-row'))).toContain('Kantor desa tempat router');
    await shotOf(page, 'admin-exemption-list');

    await page.goto(`${app.server.origin}/#/customers/${ids.dewi}`);
    await card.getByTestId('customer-exemption-clear').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => card.getByTestId('customer-exemption').getAttribute('data-exempt')).toBe('false');
    expect(await contract('billing.exemptions.list', {})).toEqual([]);
    await page.context().close();
  });

  it('records a promise to pay for an isolated customer, refusing a day too far and a second promise in plain words', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/customers/${ids.siti}`);
    const card = page.getByTestId('customer-billing');
    await card.getByTestId('promise-make').click();
    const dialog = page.getByTestId('promise-dialog');
    await dialog.waitFor();
    expect(await read(dialog)).toContain(`Paling lambat ${shown(addDays(today, 3))} (3 hari dari hari ini).`);

    // Further than the tenant's limit: the core refuses it on the day's field.
    await dialog.getByTestId('promise-date').fill(shown(addDays(today, 10)));
    await dialog.getByTestId('promise-submit').click();
    await dialog.getByTestId('error-promisedDate').waitFor();
    expect(await read(dialog.getByTestId('error-promisedDate'))).toBe('Tanggal janji bayar harus mulai hari ini dan tidak melewati batas hari yang diatur.');
    expect(await read(dialog.getByTestId('form-error'))).toBe('Data belum benar. Periksa kolom yang ditandai.');
    await app.shot('promise-too-far');

    // Meanwhile someone at another desk records a promise for the same invoice (the router is away, so
    // she is still isolated when this desk saves): this one is refused, and says why.
    await router.setFault('down');
    const other = await contract('billing.promises.create', { customerId: ids.siti, promisedDate: addDays(today, 1), note: 'lewat telepon' });
    await dialog.getByTestId('promise-date').fill(shown(addDays(today, 2)));
    await dialog.getByTestId('promise-submit').click();
    await expect.poll(() => read(dialog.getByTestId('form-error'))).toContain('Tagihan ini sudah pernah mendapat janji bayar.');
    await app.shot('promise-refused');
    await axe(page, 'promise dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The other desk's promise reconnects her once the router is back; it is in her list, and taking it back isolates her again.
    await router.setFault(null);
    await expect.poll(() => profileOf('siti.nuraini'), { timeout: 20_000 }).toBe('hemat-10m');
    const row = card.getByTestId('customer-promise');
    await expect.poll(() => row.getAttribute('data-status')).toBe('active');
    expect(await read(row.getByTestId('promise-status'))).toBe('Aktif');
    await card.getByTestId('customer-promise-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('cancelled');
    expect(await read(row.getByTestId('promise-status'))).toBe('Dibatalkan');
    await expect.poll(() => profileOf('siti.nuraini'), { timeout: 20_000 }).toBe('isolir');
    expect((await contract('billing.promises.list', { customerId: ids.siti })).map((p) => p.id)).toEqual([other.id]);
  });

  it('reconnects the isolated customer on the router through a promise made on screen, listed in Pengaturan', async () => {
    const { page } = app;
    const card = page.getByTestId('customer-billing');
    await expect.poll(() => page.getByTestId('detail-name').locator('.badge').textContent()).toBe('Isolir');
    await card.getByTestId('promise-make').click();
    const dialog = page.getByTestId('promise-dialog');
    await dialog.getByTestId('promise-date').fill(shown(addDays(today, 2)));
    await dialog.getByTestId('promise-note').fill('Gajian tanggal itu');
    await app.shot('promise-dialog');
    await dialog.getByTestId('promise-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => profileOf('siti.nuraini'), { timeout: 20_000 }).toBe('hemat-10m');
    await expect.poll(() => card.getByTestId('customer-promise').first().getAttribute('data-status')).toBe('active');
    await expect.poll(() => page.getByTestId('detail-name').locator('.badge').textContent()).toBe('Aktif');
    // Connected again: no second promise is offered while this one runs.
    expect(await card.getByTestId('promise-make').count()).toBe(0);
    await app.shot('promise-made');
    await axe(page, 'customer billing card');

    await page.getByTestId('nav-billing').click();
    await page.getByTestId('tab-settings').click();
    await expect.poll(() => page.getByTestId('promise-row').count()).toBe(1);
    expect(await read(page.getByTestId('promise-row'))).toContain(shown(addDays(today, 2)));
    expect(await read(page.getByTestId('promise-row'))).toContain('Gajian tanggal itu');
  });

  it('adds a discount and a charge to an open invoice, refusing a discount larger than the invoice', async () => {
    const { page } = app;
    const [invoice] = (await contract('billing.invoices.list', { customerId: ids.budi })).items;
    await page.goto(`${app.server.origin}/#/billing/invoice/${invoice?.id ?? ''}`);
    await page.getByTestId('invoice-lines').waitFor();
    expect(await read(page.getByTestId('invoice-total'))).toBe('Rp 150.000');

    await page.getByTestId('invoice-add-discount').click();
    const dialog = page.getByTestId('invoice-line-dialog');
    await dialog.getByTestId('line-description').fill('Kompensasi gangguan 3 hari');
    await dialog.getByTestId('line-amount').fill('Rp 500.000');
    await dialog.getByTestId('line-save').click();
    await dialog.getByTestId('error-amount').waitFor();
    expect(await read(dialog.getByTestId('error-amount'))).toBe('Potongan tidak boleh lebih besar dari total tagihan.');
    expect(await focusedTestId(page)).toBe('line-amount');

    await dialog.getByTestId('line-amount').fill('Rp 25.000');
    expect(await read(dialog.locator('.field-hint').last())).toBe('= Rp 25.000');
    await app.shot('invoice-discount-dialog');
    await axe(page, 'invoice line dialog');
    await dialog.getByTestId('line-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => read(page.getByTestId('invoice-total'))).toBe('Rp 125.000');
    expect(await read(page.getByTestId('invoice-line').last())).toContain('−Rp 25.000');

    await page.getByTestId('invoice-add-charge').click();
    await dialog.getByTestId('line-description').fill('Ganti kabel drop');
    await dialog.getByTestId('line-amount').fill('50.000');
    await dialog.getByTestId('line-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => read(page.getByTestId('invoice-total'))).toBe('Rp 175.000');
    expect(await page.getByTestId('invoice-line').count()).toBe(3);
    await app.shot('invoice-lines-added');
    expect((await contract('billing.invoices.get', { id: invoice?.id ?? '' })).total).toBe(175_000);
  });

  it('makes a one-off invoice (installation fee) from the customer page and opens it', async () => {
    const { page } = app;
    await page.goto(`${app.server.origin}/#/customers/${ids.dewi}`);
    await page.getByTestId('customer-one-off').click();
    const dialog = page.getByTestId('one-off-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('one-off-amount-0').fill('Rp 250.000,-');
    await dialog.getByTestId('one-off-save').click();
    await dialog.getByTestId('error-lines.0.description').waitFor();
    expect(await focusedTestId(page)).toBe('one-off-description-0');
    await dialog.getByTestId('one-off-description-0').fill('Biaya pasang baru');
    await dialog.getByTestId('one-off-add-line').click();
    await dialog.getByTestId('one-off-kind-1').selectOption('discount');
    await dialog.getByTestId('one-off-description-1').fill('Promo Desember');
    await dialog.getByTestId('one-off-amount-1').fill('50.000');
    await app.shot('one-off-dialog');
    await axe(page, 'one-off dialog');
    await dialog.getByTestId('one-off-save').click();
    await page.getByTestId('invoice-detail').waitFor();
    await expect.poll(() => page.getByTestId('invoice-line').count()).toBe(2);

    const oneOff = (await contract('billing.invoices.list', { customerId: ids.dewi })).items.find((i) => i.kind === 'one_off');
    expect(oneOff).toMatchObject({ subtotal: 200_000, ppnBps: 1150, status: 'unpaid' });
    expect(await read(page.getByTestId('invoice-number'))).toContain(oneOff?.number ?? '?');
    expect(oneOff?.number).toMatch(/^INV\/\d{6}\/B-\d{5}$/);
    expect(await read(page.getByTestId('invoice-total'))).toBe(rupiah(oneOff?.total ?? 0));
    expect(await read(page.getByTestId('invoice-ppn'))).toBe(rupiah(oneOff?.ppnAmount ?? 0));
    await app.shot('one-off-invoice');
  });

  it('shows finance the settings read-only and no exemption button, but lets finance record promises and lines', async () => {
    const page = await asUser('keuangan', FINANCE_PASSWORD);
    await page.goto(`${app.server.origin}/#/billing/settings`);
    await page.getByTestId('billing-settings-form').waitFor();
    expect(await page.getByTestId('input-ppn').isDisabled()).toBe(true);
    expect(await page.getByTestId('billing-settings-save').count()).toBe(0);
    expect(await page.getByTestId('loop-settings-save').count()).toBe(0);
    expect(await read(page.getByTestId('billing-settings-form').locator('.form-notice'))).toBe('Hanya pemilik dan admin yang bisa mengubah pengaturan ini.');
    await page.getByTestId('promise-row').waitFor();
    expect(await page.getByTestId('exemption-clear').count()).toBe(0);
    await shotOf(page, 'finance-settings');
    await axe(page, 'finance settings');

    await page.goto(`${app.server.origin}/#/customers/${ids.budi}`);
    await page.getByTestId('customer-exemption').waitFor();
    expect(await page.getByTestId('customer-exemption-set').count()).toBe(0);
    expect(await page.getByTestId('customer-one-off').isVisible()).toBe(true);
    await page.getByTestId('customer-promises').scrollIntoViewIfNeeded();
    await shotOf(page, 'finance-customer');
    await page.context().close();
    expect(axeFound).toEqual({});
  });
});
