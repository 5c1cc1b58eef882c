import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type E2eApp } from './support/browser.js';
import { scrollContent, signIn } from './support/customer-list.js';
import { insertFailedMessages } from './support/wa-messages.js';

const PASSWORD = 'rahasia-demo-1';
const MESSAGES = 400;

/** Where the row stands on screen now, or null when it is not drawn. */
function rowTop(page: Page, index: string): Promise<number | null> {
  return page.evaluate<number | null>(`document.querySelector('[data-testid="wa-log-row"][data-index="${index}"]')?.getBoundingClientRect().top ?? null`);
}

/** The index of a drawn row near the middle of the screen. */
function rowInView(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const middle = window.innerHeight / 2;
    const rows = [...document.querySelectorAll('[data-testid="wa-log-row"]')];
    return rows.find((r) => Math.abs(r.getBoundingClientRect().top - middle) < 150)?.dataset.index ?? null;
  })()`);
}

/**
 * A long WhatsApp log of failed messages: each row carries its reason under the preview, so rows
 * are taller than the list's usual 37 px and the table must measure them to scroll true.
 */
describe('a long WhatsApp log with failure reasons (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('wa-long-log', { ownerPassword: PASSWORD, demo: true });
    insertFailedMessages(app.server, MESSAGES);
    await signIn(app.page, app.server.url, PASSWORD);
    await app.page.goto(`${app.server.origin}/#/whatsapp/log`);
    await app.page.getByTestId('wa-log-row').first().waitFor();
    const table = app.page.getByTestId('wa-log-table');
    for (let loaded = Number(await table.getAttribute('data-row-count')); loaded < MESSAGES; ) {
      // Clicked in the page: where the button stands is what the second test checks.
      await app.page.evaluate(`document.querySelector('[data-testid="load-more"]').click()`);
      const before = loaded;
      while (loaded === before) {
        await app.page.waitForTimeout(5);
        loaded = Number(await table.getAttribute('data-row-count'));
      }
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('moves every row exactly as far as the page scrolls, however tall the rows are', async () => {
    const { page } = app;
    const height = await page.evaluate<number>(`document.querySelector('[data-testid="wa-log-row"]').getBoundingClientRect().height`);
    expect(height).toBeGreaterThan(37);
    for (const at of [4_000, 8_000, 12_000]) {
      await scrollContent(page, at);
      await page.waitForTimeout(100);
      const index = await rowInView(page);
      if (!index) throw new Error(`no row in view at ${at} px`);
      const from = await scrollContent(page);
      const before = await rowTop(page, index);
      await scrollContent(page, from + 200);
      // How far the row moved, less how far the page scrolled: nothing once the rows are drawn.
      const drift = async () => {
        const to = await scrollContent(page);
        const after = await rowTop(page, index);
        return after === null || before === null ? null : Math.abs(Math.round(before - after - (to - from)));
      };
      await expect.poll(drift).toBe(0);
    }
  });

  it('reaches the last loaded message at the end of the list', async () => {
    const { page } = app;
    await scrollContent(page, 1_000_000);
    await page.waitForTimeout(100);
    await scrollContent(page, 1_000_000);
    await expect.poll(() => page.getByTestId('wa-log-row').last().getAttribute('data-index')).toBe(String(MESSAGES - 1));
  });
});
