import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../main/documents/index.js';
import { invoice, receipt } from '../support/billing-document.js';
import { logoPng } from '../support/logo.js';
import { startApp, type E2eApp } from './support/browser.js';

const OWNER_PASSWORD = 'rahasia-demo-1';
/** CSS pixels per millimetre: how wide a paper is on screen. */
const PX_PER_MM = 96 / 25.4;

describe('printable invoices and receipts (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('print-documents', { ownerPassword: OWNER_PASSWORD, demo: true });
    await app.page.goto(app.server.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the owner fills the profile with a logo and a bank account, and the sample receipt prints them', async () => {
    const { page } = app;
    await page.getByTestId('input-username').fill('owner');
    await page.getByTestId('input-password').fill(OWNER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('print-profile-form');
    await form.waitFor();

    // Named .png but an SVG inside: refused by its bytes before anything is sent.
    await form.getByTestId('input-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    expect(await form.getByTestId('error-logo').textContent()).toBe('Logo harus gambar PNG atau JPEG.');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByTestId('logo-choose').click()]);
    await chooser.setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
    await form.getByTestId('logo-preview').waitFor();
    expect(await form.getByTestId('error-logo').count()).toBe(0);
    await form.getByTestId('input-address').fill('Jl. Melati No. 5, RT 02/RW 03\nDesa Sukamaju');
    await form.getByTestId('input-phone').fill('0812-3456-7890');
    await form.getByTestId('bank-add').click();
    await form.getByTestId('input-bank-0').fill('BCA');
    await form.getByTestId('input-number-0').fill('1234567890');
    await form.getByTestId('input-holder-0').fill("Budi O'Brien");
    await form.getByTestId('input-footer').fill('Terima kasih telah berlangganan.');
    await form.getByTestId('print-profile-save').click();
    await expect.poll(() => page.getByTestId('toast').first().textContent()).toContain('Tersimpan');
    await page.evaluate(`document.querySelector('[data-testid="print-profile"]').scrollIntoView({ block: 'start' })`);
    await app.shot('profile');

    // A receipt of a paid sample owes nothing: its bank accounts show on the invoice sample.
    await page.getByTestId('sample-kind').selectOption('invoice');
    await page.getByTestId('sample-58mm').click();
    const frame = page.frameLocator('[data-testid="sample-frame"]');
    await expect.poll(() => frame.locator('body').textContent()).toContain('BCA 1234567890 a.n. Budi O\'Brien');
    expect(await frame.locator('h2').textContent()).toBe('TAGIHAN');
    expect(await frame.locator('header img').count()).toBe(1);
    await app.shot('sample-58mm');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sample-pdf').click()]);
    const pdf = readFileSync((await download.path())!);
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain("Siti Nur'aini");
    expect(text).toContain('Rp 200.000');
    expect(text).toContain('BCA 1234567890 a.n. Budi O\'Brien');
  });

  it('the print HTML looks like a receipt on 58 mm and an invoice on A4, and Chromium prints it at the paper size', async () => {
    const page = await app.context.newPage();
    const long = receipt({
      customer: { name: "Siti Nur'aini 😀 binti Abdurrahman Wahyuningsih", code: 'PLG-0042', address: `Jl. ${'Panjang'.repeat(12)} No. 12, RT 004/RW 007`, phone: '+6281398765432' },
    });
    await page.setViewportSize({ width: Math.ceil(58 * PX_PER_MM), height: 600 });
    await page.setContent(renderDocumentHtml(long, '58mm', 'id'));
    // Nothing wider than the roll: long names and addresses wrap.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(Math.ceil(58 * PX_PER_MM));
    await page.screenshot({ path: 'test-results/screenshots/print-documents-03-receipt-58mm.png', fullPage: true });
    // The page is the roll's width (about 164 pt); a receipt longer than its 297 mm continues on the roll.
    const roll = await page.pdf({ preferCSSPageSize: true });
    expect(roll.toString('latin1')).toMatch(/MediaBox \[0 0 16[34]\.[0-9]+ 841\.[0-9]+\]/);

    await page.setViewportSize({ width: Math.ceil(210 * PX_PER_MM), height: Math.ceil(297 * PX_PER_MM) });
    await page.setContent(renderDocumentHtml(invoice(), 'a4', 'id'));
    await page.screenshot({ path: 'test-results/screenshots/print-documents-04-invoice-a4.png', fullPage: true });
    const a4 = await page.pdf({ preferCSSPageSize: true });
    expect(a4.toString('latin1')).toMatch(/MediaBox \[0 0 59[45]\.[0-9]+ 841\.[0-9]+\]/);
    await page.close();
  });
});
