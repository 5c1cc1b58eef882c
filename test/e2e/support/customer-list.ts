import type { Page } from 'playwright-core';
import type { WebServer } from '../../../main/web/index.js';

/** Adds `count` demo customers to the install's one ISP (through the services, events and all). */
export async function seedCustomers(server: WebServer, count: number): Promise<void> {
  const tenantId = server.core.services.tenants.primaryId();
  if (!tenantId) throw new Error('no tenant: start the app with an owner password');
  server.core.services.demo.seed(tenantId, { customers: count, router: 'unreachable' });
  await server.core.bus.drain();
}

export async function signIn(page: Page, url: string, password: string, username = 'owner'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('input-username').fill(username);
  await page.getByTestId('input-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-dashboard').waitFor();
}

/** "1.200 pelanggan · menampilkan 1.000": the rows loaded, read as the operator reads them (in Indonesian). */
export function shownRows(page: Page): Promise<number> {
  // Strings, not functions: this code runs in the page, and the tests' TypeScript has no DOM types.
  return page.evaluate<number>(`(() => {
    const text = document.querySelector('[data-testid="customer-total"]')?.textContent ?? '';
    const number = (/menampilkan ([\\d.]+)/.exec(text) ?? /^([\\d.]+)/.exec(text))?.[1] ?? '0';
    return Number(number.replace(/\\./g, ''));
  })()`);
}

/** Clicks "Muat lagi" until at least `rows` customers are loaded. */
export async function loadRows(page: Page, rows: number): Promise<void> {
  while ((await shownRows(page)) < rows) {
    const before = await shownRows(page);
    await page.getByTestId('load-more').click();
    while ((await shownRows(page)) === before) await page.waitForTimeout(5);
  }
}

/** The page's scrolling box: the content pane (the old layout scrolled the whole document). */
export function scrollContent(page: Page, to?: number): Promise<number> {
  return page.evaluate<number>(`(() => {
    const main = document.querySelector('main.content');
    const box = main && main.scrollHeight > main.clientHeight ? main : document.scrollingElement;
    if (!box) return 0;
    ${to === undefined ? '' : `box.scrollTo(0, ${to});`}
    return box.scrollTop;
  })()`);
}

export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);
}
