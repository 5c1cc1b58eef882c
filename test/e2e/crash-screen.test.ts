import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { crashScreenHtml } from '../../electron/crash-screen.js';
import { launchChromium } from './support/browser.js';

/** The desktop shell's give-up screen (its window cannot run here), rendered in Chromium as the window would. */
describe('the screen the desktop window shows when its page keeps crashing (Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says what happened in Indonesian and English, where the log is, and offers a way back', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const logFile = 'C:\\Users\\Kantor\\AppData\\Roaming\\RRNet Console\\logs\\main.log';
    await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(crashScreenHtml({ logFile, retryUrl: 'app://rrnet/index.html' }))}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Tampilan aplikasi berhenti berulang kali');
    expect(text).toContain('Data Anda aman');
    expect(text).toContain("The app's screen kept stopping");
    expect(text).toContain(logFile);
    expect(await page.getByRole('link', { name: 'Coba muat lagi / Try again' }).getAttribute('href')).toBe('app://rrnet/index.html');
    const dir = resolve('test-results/screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'crash-screen-01-gave-up.png') });
    await page.close();
  });
});
