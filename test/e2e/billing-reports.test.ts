import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const FINANCE_PASSWORD = 'keuangan-rahasia-1';
/** The cashier's name has a comma and quotes: the screen shows it as typed. */
const CASHIER = 'Bu Keuangan, "Sore"';

/** An element's text with Intl's non-breaking spaces (Rp 150.000) as the plain ones the tests write. */
async function read(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/**
 * Tagihan > Laporan against the core in web mode: today's closing after the owner took cash and the
 * cashier a bank transfer, with one customer isolated; the monthly closing; the XLSX download.
 */
describe('Tagihan > Laporan: the closing on screen and as a file (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('billing-reports', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    const ids = ['Siti Nuraini', 'Budi Santoso', 'Dewi Lestari'].map(
      (name, i) =>
        seedCustomer(core, tenantId, {
          name,
          phone: `+62812345678${i}0`,
          packageId: pkg.id,
          username: `pelanggan${i}`,
          // Billing day 1: whatever day the test runs, this month's invoice is due to be made.
          billingDay: 1,
          address: 'Purwokerto',
          routerId: null,
        }).id,
    );
    const as = async (username: string, password: string) => {
      const login = await core.call('auth.login', { username, password }, { session: null, locale: 'id' });
      if (!login.ok) throw new Error(login.error.message);
      const session = (login.data as { token: string }).token;
      return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
        const result = await core.call(method, input, { session, locale: 'id' });
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.data as MethodOutput<M>;
      };
    };
    const owner = await as('owner', PASSWORD);
    await owner('users.create', { username: 'keuangan', displayName: CASHIER, role: 'finance', password: FINANCE_PASSWORD });
    const finance = await as('keuangan', FINANCE_PASSWORD);
    await owner('billing.invoices.generate', {});
    await owner('billing.payments.record', { requestKey: 'report-e2e-1', customerId: ids[0] as string, amount: 150_000, method: 'cash' });
    await finance('billing.payments.record', { requestKey: 'report-e2e-2', customerId: ids[1] as string, amount: 100_000, method: 'bank', reference: 'BRI 77' });
    // What the isolir module records once the router confirmed (isolir's own e2e drives the router).
    core.services.customers.setIsolated(tenantId, ids[2] as string, true);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("shows today's closing, the month's, and downloads it as XLSX; axe finds nothing serious", async () => {
    const { page } = app;
    await signIn(page, app.server.url, PASSWORD);
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-by-staff').waitFor();

    expect(await read(page.getByTestId('report-collected'))).toBe('Rp 250.000');
    expect(await read(page.getByTestId('report-unpaid'))).toBe('Rp 200.000');
    expect(await read(page.getByTestId('report-isolated'))).toBe('1');
    expect(await read(page.getByTestId('report-covers'))).toBe('Pukul 00.00–23.59 WIB');
    const rows = async (testId: string) => Promise.all((await page.getByTestId(testId).all()).map(read));
    expect(await rows('report-method-row')).toEqual(['Transfer bankRp 100.0001', 'TunaiRp 150.0001']);
    expect(await rows('report-staff-row')).toEqual(['PemilikRp 150.0001', `${CASHIER}Rp 100.0001`]);
    expect(await rows('report-isolated-row')).toEqual([expect.stringMatching(/^Dewi Lestari .+Hemat 10 MbpsRp 150\.000$/)]);
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await app.shot('daily');

    await page.getByTestId('report-kind-monthly').click();
    await expect.poll(() => read(page.getByTestId('report-covers'))).toMatch(/^01\/\d{2}\/\d{4} – (28|29|30|31)\/\d{2}\/\d{4}, waktu WIB$/);
    expect(await read(page.getByTestId('report-collected'))).toBe('Rp 250.000');
    expect(await rows('report-unpaid-row')).toEqual([expect.stringMatching(/^\w+ \d{4}2Rp 200\.000$/)]);
    await app.shot('monthly');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^laporan-bulanan-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Per metode', 'Per petugas', 'Belum bayar', 'Terisolir']);
    expect(book.getWorksheet('Per petugas')?.getRow(3).values).toEqual([undefined, CASHIER, 100_000, 1]);
    await expect.poll(() => read(page.getByTestId('toast').first())).toContain('laporan-bulanan-');
  });
});
