/**
 * The customer list in Chromium with 50,000 customers (web mode): "Muat lagi" at 5,000 rows shown,
 * measured from the click to the frame that shows the new rows' count, and the longest task while
 * wheel-scrolling through 5,000 loaded rows (PerformanceObserver 'longtask': only tasks over 50 ms exist).
 * Prints ONE JSON object; run alone (`npx tsx bench/renderer-customers.ts`) or from bench/run.ts.
 * Needs the built renderer (npm run build:renderer) and Chromium (CHROMIUM_PATH, /usr/bin/chromium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startWebServer } from '../main/web/index.js';
import { launchChromium } from '../test/e2e/support/browser.js';
import { loadRows, seedCustomers, shownRows, signIn } from '../test/e2e/support/customer-list.js';

const CUSTOMERS = Number(process.env.RRNET_BENCH_CUSTOMERS ?? 50_000);
const ROWS = 5_000;
const NEXT_PAGE_RUNS = 5;
const TARGETS = { nextPageAt5000Ms: 100, longestScrollTaskMs: 50 };
const PASSWORD = 'bench-password-1';
/** Four notches of a mouse wheel per step. */
const WHEEL_PX = 480;

const progress = (message: string) => process.stderr.write(`[bench:renderer] ${message}\n`);
const round = (n: number) => Math.round(n * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** In the page: click "Muat lagi", resolve when the shown count changed and that frame was painted. */
const TIME_NEXT_PAGE = `new Promise((resolve) => {
  const total = document.querySelector('[data-testid="customer-total"]');
  const before = total.textContent;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (total.textContent === before) return;
    observer.disconnect();
    // The frame after the one that will paint the change: rAF then a task lands after the paint.
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  observer.observe(total, { subtree: true, characterData: true, childList: true });
  document.querySelector('[data-testid="load-more"]').click();
})`;

/** In the page: collect long tasks (over 50 ms) from now on. */
const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  const box = document.querySelector('main.content');
  box.scrollTo(0, 0);
})()`;

/** The way an operator scrolls: mouse-wheel steps, through the compositor, top to bottom. */
async function scrollWithWheel(page: Page): Promise<{ wheelSteps: number; longTasks: number; longestTaskMs: number }> {
  await page.evaluate(WATCH_LONG_TASKS);
  await page.mouse.move(800, 500);
  let steps = 0;
  for (;;) {
    await page.mouse.wheel(0, WHEEL_PX);
    steps += 1;
    const atEnd = await page.evaluate<boolean>(`(() => { const b = document.querySelector('main.content'); return b.scrollTop + b.clientHeight >= b.scrollHeight - 1; })()`);
    if (atEnd) break;
  }
  await page.waitForTimeout(300);
  const tasks = await page.evaluate<number[]>('window.__longTasks');
  return { wheelSteps: steps, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
}

export async function benchRendererCustomers(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rrnet-bench-ui-'));
  const server = await startWebServer({ dataDir, port: 0, ownerPassword: PASSWORD });
  const browser = await launchChromium();
  try {
    progress(`seeding ${CUSTOMERS} customers`);
    await seedCustomers(server, CUSTOMERS);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await signIn(page, server.url, PASSWORD);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    progress(`loading ${ROWS} rows with "Muat lagi"`);
    await loadRows(page, ROWS);

    const nextPage: number[] = [];
    for (let i = 0; i < NEXT_PAGE_RUNS; i++) nextPage.push(await page.evaluate<number>(TIME_NEXT_PAGE));
    const rows = await shownRows(page);
    progress(`scrolling ${rows} rows`);
    const scroll = await scrollWithWheel(page);
    const result = {
      customers: CUSTOMERS,
      nextPageShownMs: { runs: nextPage.map(round), median: round(median(nextPage)), fromRows: ROWS },
      scroll: { rows, wheelPx: WHEEL_PX, ...scroll, longestTaskMs: round(scroll.longestTaskMs) },
      targets: TARGETS,
      met: { nextPage: median(nextPage) < TARGETS.nextPageAt5000Ms, scroll: scroll.longestTaskMs <= TARGETS.longestScrollTaskMs },
    };
    await context.close();
    return result;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await benchRendererCustomers(), null, 2)}\n`);
}
