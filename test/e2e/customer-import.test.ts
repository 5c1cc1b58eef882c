import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';
import { fixture } from '../support/customer-import.js';

const OWNER_PASSWORD = 'rahasia-impor-1';

describe('importing and exporting customers (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('import', { ownerPassword: OWNER_PASSWORD });
    const tenantId = app.server.core.services.tenants.primaryId();
    if (!tenantId) throw new Error('no tenant');
    app.server.core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    await signIn(app.page, app.server.url, OWNER_PASSWORD);
    await app.page.getByTestId('nav-customers').click();
  });

  afterAll(async () => {
    await app?.close();
  });

  const dialog = () => app.page.getByTestId('customer-import');
  const summary = () => dialog().getByTestId('import-report-summary').textContent();

  async function chooseFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    const { page } = app;
    if (!(await dialog().isVisible())) await page.getByTestId('customer-import-open').click();
    for (const back of ['import-again', 'import-other-file']) if (await dialog().getByTestId(back).isVisible()) await dialog().getByTestId(back).click();
    await dialog().getByTestId('import-file').setInputFiles(file);
    await dialog().getByTestId('import-preview').waitFor();
    await expect.poll(() => dialog().getByTestId('import-preview').getAttribute('aria-busy')).toBe('false');
  }

  it('previews a PHPNuxBill CSV with the skipped rows and their reasons, applies it, and a re-import changes nothing', async () => {
    const { page } = app;
    await chooseFile({ name: 'phpnuxbill-customers.csv', mimeType: 'text/csv', buffer: fixture('phpnuxbill-customers.csv') });
    expect(await dialog().getByTestId('import-source').textContent()).toContain('PHPNuxBill');
    // The skipped rows come first: they are the ones to look at.
    const skipped = dialog().locator('[data-testid="import-row"][data-outcome="skipped"]');
    expect(await skipped.count()).toBe(4);
    const reasons = (await skipped.allTextContents()).join('\n');
    expect(reasons).toContain('No. HP bukan nomor Indonesia');
    expect(reasons).toContain('Pelanggan yang sama sudah ada di baris sebelumnya');
    expect(reasons).toContain('Paket belum ada');
    expect(reasons).toContain('Nama kosong');
    await app.shot('preview-skipped');
    await dialog().getByTestId('import-filter-new').click();
    expect(await dialog().getByTestId('import-row').count()).toBe(4);
    expect(await dialog().getByTestId('import-preview-table').textContent()).toContain("Siti 'Ami' O'Neil 🌸");
    await app.shot('preview-new');

    expect(await dialog().getByTestId('import-apply').textContent()).toBe('Terapkan: 4 baru, 0 diperbarui');
    await dialog().getByTestId('import-apply').click();
    await dialog().getByTestId('import-report').waitFor();
    expect(await summary()).toBe('4 baru, 0 diperbarui, 0 tidak berubah, 4 dilewati.');
    await app.shot('report');

    const download = page.waitForEvent('download');
    await dialog().getByTestId('import-download-report').click();
    expect((await download).suggestedFilename()).toBe('laporan-impor-phpnuxbill-customers.csv');

    await chooseFile({ name: 'phpnuxbill-customers.csv', mimeType: 'text/csv', buffer: fixture('phpnuxbill-customers.csv') });
    await dialog().getByTestId('import-filter-unchanged').click();
    expect(await dialog().getByTestId('import-row').count()).toBe(4);
    expect(await dialog().getByTestId('import-apply').isDisabled()).toBe(true);
    expect(await dialog().getByTestId('import-apply').textContent()).toBe('Tidak ada yang berubah');
    await app.shot('reimport-unchanged');
  });

  it('imports a Mikhmon XLSX, creating its missing package at a price the operator enters', async () => {
    await chooseFile({
      name: 'mikhmon-users.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixture('mikhmon-users.xlsx'),
    });
    expect(await dialog().getByTestId('import-source').textContent()).toContain('Mikhmon');
    expect(await dialog().getByTestId('import-sheet').inputValue()).toBe('Users');
    const decision = dialog().getByTestId('import-package-decision');
    expect(await decision.getAttribute('data-package')).toBe('voucher-5rb');
    await app.shot('mikhmon-unknown-package');
    await decision.selectOption('create');
    await dialog().getByTestId('import-zero-price').waitFor();
    await app.shot('mikhmon-zero-price');
    await dialog().getByTestId('import-package-price').fill('5000');
    await expect.poll(() => dialog().getByTestId('import-zero-price').count()).toBe(0);
    await expect.poll(() => dialog().getByTestId('import-apply').textContent()).toBe('Terapkan: 3 baru, 0 diperbarui');
    await dialog().getByTestId('import-apply').click();
    await dialog().getByTestId('import-report').waitFor();
    expect(await summary()).toBe('3 baru, 0 diperbarui, 0 tidak berubah, 2 dilewati. Paket baru: voucher-5rb.');
    await app.shot('mikhmon-report');

    await chooseFile({
      name: 'mikhmon-users.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixture('mikhmon-users.xlsx'),
    });
    expect(await dialog().getByTestId('import-apply').textContent()).toBe('Tidak ada yang berubah');
    await dialog().getByTestId('import-other-file').click();
    expect(await dialog().getByTestId('import-history-item').count()).toBe(2);
    await app.shot('history');
    await app.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('exports CSV and Excel files that re-import as unchanged', async () => {
    const { page } = app;
    await page.getByTestId('customer-row').first().waitFor();
    await app.shot('list-after-import');
    for (const [button, mimeType] of [
      ['customer-export-csv', 'text/csv'],
      ['customer-export-xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByTestId(button).click();
      const file = await download;
      const path = await file.path();
      const buffer = readFileSync(path);
      await chooseFile({ name: file.suggestedFilename(), mimeType, buffer });
      expect(await dialog().getByTestId('import-source').textContent()).toContain('RRNet Console');
      await dialog().getByTestId('import-filter-unchanged').click();
      expect(await dialog().getByTestId('import-row').count()).toBe(7);
      expect(await dialog().getByTestId('import-apply').textContent()).toBe('Tidak ada yang berubah');
      await app.shot(`reimport-${button}`);
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
    }
  });
});
