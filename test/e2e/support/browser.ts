import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../main/web/index.js';

const SCREENSHOTS = resolve('test-results/screenshots');

/** Debian's Chromium, headless, with everything that would phone home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=id-ID'],
  });
}

export interface E2eApp {
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves test-results/screenshots/<prefix>-NN-<name>.png, numbered in the order taken. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The core in web mode on a fresh data folder, and a browser with a fresh profile (a new context)
 * at an office laptop's screen size, speaking Indonesian like the staff's Windows would.
 */
export async function startApp(prefix: string, options: Omit<WebServerOptions, 'dataDir' | 'port'> = {}): Promise<E2eApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rrnet-e2e-'));
  // RRNET_E2E_STATIC_DIR serves another build of the renderer: how a new test is shown to fail on the old one.
  const staticDir = process.env.RRNET_E2E_STATIC_DIR;
  const server = await startWebServer({ dataDir, port: 0, ...(staticDir ? { staticDir } : {}), ...options });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  let n = 0;
  return {
    server,
    browser,
    context,
    page,
    async shot(name) {
      n += 1;
      await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${String(n).padStart(2, '0')}-${name}.png`) });
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
