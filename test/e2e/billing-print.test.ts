import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import type { PaperSize } from '../../shared/domain/billing-document.js';
import { seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const ISP = 'Net Kampung Sejahtera';
/** CSS pixels per millimetre: how wide a paper is on screen. */
const PX_PER_MM = 96 / 25.4;

async function pdfOf(download: Download): Promise<{ text: string; pages: number }> {
  const parsed = await new PDFParse({ data: new Uint8Array(readFileSync((await download.path())!)) }).getText();
  return { text: parsed.text.replace(/\s+/g, ' '), pages: parsed.total };
}

/** The text of the print preview's frame (what goes to the printer). */
function frameText(page: Page, testId: string): Promise<string> {
  return page
    .frameLocator(`[data-testid="${testId}-frame"]`)
    .locator('body')
    .textContent()
    .then((text) => (text ?? '').replace(/\s+/g, ' '));
}

/** The month's first receipt number of office A for a payment of `localDate` (YYYY-MM-DD). */
const firstReceipt = (localDate: string) => `KW/${localDate.slice(0, 7).replace('-', '')}/A-00001`;

/**
 * The page size the preview gave a thermal roll (the last @page rule of the frame's sheet: it wins),
 * the length it set on the body, and the height of what is printed (the receipt and the body's padding).
 */
async function rollPage(page: Page, testId: string): Promise<{ size: string; length: number; contentPx: number }> {
  const frame = await (await page.getByTestId(`${testId}-frame`).elementHandle())?.contentFrame();
  if (!frame) throw new Error('no print frame');
  // An expression: the tests compile without the DOM's types; it runs in the frame.
  return frame.evaluate<{ size: string; length: number; contentPx: number }>(`(() => {
    const rules = [...document.styleSheets[0].cssRules].filter((r) => r instanceof CSSPageRule);
    const style = getComputedStyle(document.body);
    return {
      size: rules.at(-1)?.style.getPropertyValue('size') ?? '',
      length: Number(document.body.dataset.rollLength),
      contentPx: document.querySelector('article').getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
    };
  })()`);
}

/**
 * Printing from the Tagihan screens: a payment recorded at the counter, its receipt printed at once
 * and downloaded as PDF; a reprint from the payment history; three invoices chosen in the list
 * printed one per page.
 */
describe('Tagihan: receipts and invoices on paper (web mode, Chromium)', () => {
  let app: E2eApp;
  let session = '';

  async function contract<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.server.core.call(method, input, { session, locale: 'id' });
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as MethodOutput<M>;
  }

  beforeAll(async () => {
    app = await startApp('billing-print', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const login = await core.call('auth.login', { username: 'owner', password: PASSWORD }, { session: null, locale: 'id' });
    if (!login.ok) throw new Error(login.error.message);
    session = (login.data as { token: string }).token;
    await contract('tenant.update', { name: ISP });
    await contract('tenant.profile.update', {
      address: 'Jl. Melati No. 5, Desa Sukamaju',
      phone: '0812-3456-7890',
      email: '',
      footer: 'Terima kasih telah berlangganan.',
      bankAccounts: [{ bank: 'BRI', number: '0021-01-000123-30-5', holder: 'Budi' }],
    });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: '', rateLimit: '', active: true });
    const people = [
      { name: "Siti Nur'aini", phone: '+6281234567890', username: 'siti.nuraini' },
      { name: 'Budi Santoso', phone: '+6281298765432', username: 'budi.santoso' },
      { name: 'Dewi Lestari', phone: '+6285712345678', username: 'dewi.lestari' },
    ];
    for (const p of people) {
      seedCustomer(core, tenantId, { ...p, packageId: pkg.id, billingDay: 1, address: 'Purwokerto', routerId: null });
    }
    await core.bus.drain();
    await contract('billing.invoices.generate', {});
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('records a payment on the Tagihan screen, prints its receipt at once, and the PDF says who paid what to whom', async () => {
    const { page } = app;
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('tab-pay').click();
    await page.getByTestId('pay-find').pressSequentially('siti');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pay-amount').inputValue()).toBe('150000');
    await page.keyboard.press('Enter');
    await page.getByTestId('pay-result').waitFor();
    const [payment] = (await contract('billing.payments.list', {})).items;
    if (!payment) throw new Error('no payment');
    // The number the office reads aloud, not the payment's id: the first of the month (the clock is the real one).
    const number = firstReceipt(payment.localDate);
    expect(payment.number).toBe(number);
    expect(await page.getByTestId('pay-result-number').textContent()).toBe(number);
    await app.shot('pay-result-print-button');

    await page.getByTestId('pay-receipt').click();
    const dialog = page.getByTestId('receipt-print-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('receipt-print-dialog-paper-80mm').click();
    await expect.poll(() => frameText(page, 'receipt-print-dialog')).toContain('KUITANSI');
    const shown = await frameText(page, 'receipt-print-dialog');
    expect(shown).toContain(ISP);
    expect(shown).toContain("Siti Nur'aini");
    expect(shown).toContain('Rp 150.000');
    expect(shown).toContain(`No.${number}`);
    expect(shown).not.toContain(payment.id);
    expect(shown).toContain('LUNAS');
    expect(await dialog.getByTestId('receipt-print-dialog-paper-80mm').getAttribute('aria-pressed')).toBe('true');
    // The roll feeds what is printed: the page the preview set is the receipt's own length, not 297 mm.
    const roll = await rollPage(page, 'receipt-print-dialog');
    expect(roll.size).toBe(`80mm ${roll.length}mm`);
    expect(roll.length).toBe(Math.ceil(roll.contentPx / PX_PER_MM));
    expect(roll.length).toBeLessThan(297);
    await app.shot('receipt-dialog-80mm');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('receipt-print-dialog-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${number.replace(/\//g, '-')}-80mm.pdf`);
    const pdf = await pdfOf(download);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('KUITANSI');
    expect(pdf.text).toContain(ISP);
    expect(pdf.text).toContain("Siti Nur'aini");
    expect(pdf.text).toContain('Rp 150.000');
    expect(pdf.text).toContain(number);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the printed receipt HTML on an 80 mm roll and on A4', async () => {
    const [payment] = (await contract('billing.payments.list', {})).items;
    const page = await app.context.newPage();
    const papers: [PaperSize, number][] = [
      ['80mm', 80],
      ['a4', 210],
    ];
    for (const [size, width] of papers) {
      const printed = await contract('billing.payments.receipt', { paymentId: payment?.id ?? '', size, format: 'html' });
      if (printed.format !== 'html') throw new Error('expected HTML');
      await page.setViewportSize({ width: Math.ceil(width * PX_PER_MM), height: 900 });
      await page.setContent(printed.html);
      // Nothing wider than the paper.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(Math.ceil(width * PX_PER_MM));
      await page.screenshot({ path: `test-results/screenshots/billing-print-receipt-${size}.png`, fullPage: true });
    }
    await page.close();
  });

  it('reprints the receipt from the payment history, the same paper as the first time; the paper choice is remembered', async () => {
    const { page } = app;
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(1);
    await app.shot('payment-history-reprint');
    await page.getByTestId('payment-row').getByTestId('payment-reprint').click();
    const dialog = page.getByTestId('receipt-print-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('receipt-print-dialog-paper-80mm').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => frameText(page, 'receipt-print-dialog')).toContain('KUITANSI');
    const [payment] = (await contract('billing.payments.list', {})).items;
    const number = firstReceipt(payment?.localDate ?? '');
    expect(await frameText(page, 'receipt-print-dialog')).toContain(`No.${number}`);
    expect(await page.getByTestId('payment-row').getByTestId('payment-number').textContent()).toBe(number);

    await dialog.getByTestId('receipt-print-dialog-paper-a4').click();
    await expect.poll(() => dialog.getByTestId('receipt-print-dialog-frame').getAttribute('class')).toContain('paper-a4');
    await expect.poll(() => frameText(page, 'receipt-print-dialog')).toContain('KUITANSI');
    await app.shot('receipt-reprint-a4');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('receipt-print-dialog-pdf').click()]);
    const pdf = await pdfOf(download);
    expect(pdf.text).toContain('Rp 150.000');
    expect(pdf.text).toContain(number);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('prints one invoice from its page, and three chosen in the list as three pages', async () => {
    const { page } = app;
    await page.getByTestId('tab-invoices').click();
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(3);
    await page.getByTestId('invoice-row').filter({ hasText: 'Budi Santoso' }).click();
    await page.getByTestId('invoice-print').waitFor();
    await app.shot('invoice-detail-print-button');
    await page.getByTestId('invoice-print').click();
    const one = page.getByTestId('invoice-print-dialog');
    await one.waitFor();
    // A4 was chosen last: the computer remembers it.
    expect(await one.getByTestId('invoice-print-dialog-paper-a4').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => frameText(page, 'invoice-print-dialog')).toContain('TAGIHAN');
    expect(await frameText(page, 'invoice-print-dialog')).toContain('BRI 0021-01-000123-30-5 a.n. Budi');
    await app.shot('invoice-print-dialog');
    await page.keyboard.press('Escape');
    await one.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    await page.getByTestId('invoice-table').waitFor();
    expect(await page.getByTestId('invoice-print-chosen').isDisabled()).toBe(true);
    await page.getByTestId('select-all-shown').check();
    expect(await page.getByTestId('invoice-print-chosen').textContent()).toBe('Cetak 3 tagihan dipilih');
    await app.shot('invoices-chosen');
    await page.getByTestId('invoice-print-chosen').click();
    const many = page.getByTestId('invoice-print-many');
    await many.waitFor();
    await expect.poll(() => page.frameLocator('[data-testid="invoice-print-many-frame"]').locator('article').count()).toBe(3);
    await app.shot('invoices-print-many');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), many.getByTestId('invoice-print-many-pdf').click()]);
    const pdf = await pdfOf(download);
    expect(pdf.pages).toBe(3);
    for (const invoice of (await contract('billing.invoices.list', {})).items) expect(pdf.text).toContain(invoice.number);
    await page.keyboard.press('Escape');
    await many.waitFor({ state: 'detached' });

    // All the filter matches: the unpaid ones (Siti paid).
    await page.getByTestId('invoice-filter-status').selectOption('unpaid');
    await expect.poll(() => page.getByTestId('invoice-row').count()).toBe(2);
    await page.getByTestId('invoice-print-filtered').click();
    await many.waitFor();
    await expect.poll(() => page.frameLocator('[data-testid="invoice-print-many-frame"]').locator('article').count()).toBe(2);
    expect(await frameText(page, 'invoice-print-many')).not.toContain("Siti Nur'aini");
    await page.keyboard.press('Escape');
    await many.waitFor({ state: 'detached' });
  });

  it('a reversed payment offers no receipt in the history', async () => {
    const { page } = app;
    const [payment] = (await contract('billing.payments.list', {})).items;
    await contract('billing.payments.reverse', { paymentId: payment?.id ?? '', reason: 'Salah pelanggan' });
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(2);
    expect(await page.getByTestId('payment-reprint').count()).toBe(0);
  });
});
