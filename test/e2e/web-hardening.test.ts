import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-keras-1';

/** The page as the browser enforces it: its CSP, what it logs, its icon. */
describe('web mode hardening (Chromium)', () => {
  let app: E2eApp;
  const consoleLines: string[] = [];
  /** CSP refusals reach Chromium's log, not the console API Playwright listens to: the page records them itself. */
  const violations = () => app.page.evaluate<string[]>('window.__cspViolations');

  beforeAll(async () => {
    app = await startApp('web-hardening', { ownerPassword: PASSWORD, demo: true });
    await app.page.addInitScript(`
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));
    `);
    app.page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    app.page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('validates forms with zod without its eval probe: no CSP error in the console', async () => {
    const { page } = app;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('customer-add').click();
    await page.getByTestId('customer-form').waitFor();
    // An empty form runs the contract's object schemas, where zod would probe for eval.
    await page.getByTestId('customer-save').click();
    await page.getByTestId('error-name').waitFor();
    await app.shot('form-errors-no-csp-error');
    expect(await violations()).toEqual([]);
    expect(consoleLines.filter((line) => /content security policy|unsafe-eval|EvalError/i.test(line))).toEqual([]);
  });

  it('lets the page open its own events socket and no other connection', async () => {
    const { page, server } = app;
    // Strings, not functions: this code runs in the page, and the tests' TypeScript has no DOM types.
    const before = (await violations()).length;
    const threw = await page.evaluate<string[]>(`(async () => {
      const seen = [];
      for (const url of ['ws://127.0.0.1:${server.port + 1}/events', 'ws://evil.example/x']) {
        try { new WebSocket(url).close(); } catch { seen.push('threw ' + url); }
      }
      try { await fetch('http://127.0.0.1:${server.port + 1}/'); } catch {}
      await new Promise((r) => setTimeout(r, 200));
      return seen;
    })()`);
    const blocked = [...threw, ...(await violations()).slice(before)];
    expect(blocked.filter((line) => line.startsWith('connect-src') || line.startsWith('threw')).length).toBeGreaterThanOrEqual(3);
    const own = await page.evaluate<boolean>(`new Promise((resolve) => {
      const ws = new WebSocket('ws://' + location.host + '/events');
      ws.onclose = () => resolve(true);
      ws.onerror = () => resolve(true);
    })`);
    // Refused by the server (no session in the query) rather than by the CSP: the socket was opened.
    expect(own).toBe(true);
    expect((await violations()).filter((line) => line.includes(`ws://${new URL(server.origin).host}/`))).toEqual([]);
  });

  it('has a favicon, so the browser asks for no missing /favicon.ico', async () => {
    const { page } = app;
    const href = await page.evaluate<string | null>(`document.querySelector('link[rel="icon"]')?.href ?? null`);
    expect(href).not.toBeNull();
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\//);
  });
});
