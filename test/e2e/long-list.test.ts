import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { focusedTestId, loadRows, scrollContent, seedCustomers, shownRows, signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const ROWS = 1_000;

/** An operator working through a long customer list: 1,200 customers, 1,000 of them loaded. */
describe('the long customer list (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('long-list', { ownerPassword: PASSWORD });
    await seedCustomers(app.server, 1_200);
    await signIn(app.page, app.server.url, PASSWORD);
    await app.page.getByTestId('nav-customers').click();
    await app.page.getByTestId('customer-row').first().waitFor();
    await loadRows(app.page, ROWS);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('draws only the rows near the screen, however many are loaded', async () => {
    expect(await shownRows(app.page)).toBeGreaterThanOrEqual(ROWS);
    expect(await app.page.getByTestId('customer-row').count()).toBeLessThan(100);
  });

  it('reaches "Muat lagi" from the search box in a few Tab presses, not one per row', async () => {
    const { page } = app;
    await page.getByTestId('customer-search').focus();
    let tabs = 0;
    while (tabs < 40 && (await focusedTestId(page)) !== 'load-more') {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThanOrEqual(6);
  });

  it('moves through the rows with the arrow keys and opens one with Enter', async () => {
    const { page } = app;
    // The first row drawn: the list is scrolled to wherever "Muat lagi" left it.
    await page.getByTestId('customer-row').first().focus();
    const from = Number(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-index') ?? null`));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Focus follows the arrows a frame later (the row may first have to be drawn): wait for it to land.
    await expect.poll(() => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-index') ?? null`)).toBe(String(from + 2));
    const code = await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-code') ?? null`);
    expect(code).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('customer-detail').textContent()).toContain(code ?? '-');
    await page.goBack();
    await page.getByTestId('customer-row').first().waitFor();
  });

  it('keeps the loaded rows and the scroll position when a customer changes elsewhere', async () => {
    const { page, server } = app;
    if ((await shownRows(page)) < ROWS) await loadRows(page, ROWS);
    const before = await shownRows(page);
    await scrollContent(page, 21_000);
    await page.waitForTimeout(100);
    const scrollTop = await scrollContent(page);
    expect(scrollTop).toBeGreaterThan(15_000);
    // A row the operator is looking at right now.
    const code = await page.evaluate<string | null>(`(() => {
      const middle = window.innerHeight / 2;
      const rows = [...document.querySelectorAll('[data-testid="customer-row"]')];
      return rows.find((r) => Math.abs(r.getBoundingClientRect().top - middle) < 200)?.dataset.code ?? null;
    })()`);
    if (!code) throw new Error('no row in view');
    const { id, name } = server.core.db.prepare('SELECT id, name FROM customers WHERE code = ?').get(code) as { id: string; name: string };
    const tenantId = server.core.services.tenants.primaryId() ?? '';
    // The list is sorted by name: a suffix keeps the row where the operator sees it.
    server.core.services.customers.update(tenantId, id, { name: `${name} Diubah` });

    await expect.poll(() => page.getByTestId('customer-row').filter({ hasText: `${name} Diubah` }).count(), { timeout: 10_000 }).toBe(1);
    expect(await shownRows(page)).toBe(before);
    expect(await scrollContent(page)).toBe(scrollTop);
    await app.shot('long-list-after-change');
  });

  it('comes back to the same screen, tab and customer after F5, and back/forward walk the history', async () => {
    const { page } = app;
    await page.getByTestId('tab-packages').click();
    await page.getByTestId('package-row').first().waitFor();
    await page.reload();
    await page.getByTestId('package-row').first().waitFor();
    expect(await page.getByTestId('tab-packages').getAttribute('aria-selected')).toBe('true');

    await page.getByTestId('tab-customers').click();
    await page.getByTestId('customer-row').first().click();
    const name = await page.getByTestId('detail-name').textContent();
    await page.reload();
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('detail-name').textContent()).toBe(name);

    await page.goBack();
    await page.getByTestId('customer-row').first().waitFor();
    await page.goForward();
    await page.getByTestId('detail-name').waitFor();
    expect(await page.getByTestId('detail-name').textContent()).toBe(name);
  });
});
