import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-sesi-1';

/**
 * An ISP moving in from Winbox: its MikroTik's PPP secrets are imported through the customers
 * screen ("Dari router"), then who is online shows on a customer's page and on the router's
 * "Sesi aktif" list; the router going silent is said, never shown as live. The RouterOS wire
 * server plays the MikroTik.
 */
describe('import from a router, and who is online (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/secret', [
      { name: 'siti.nuraini', password: 'rahasia-siti', profile: 'hemat-10m', service: 'pppoe', comment: 'Jl. Melati 3' },
      { name: 'budi.s', password: 'rahasia-budi', profile: 'gold-50m', service: 'pppoe' },
      { name: 'teknisi', password: 'x', profile: 'staff', service: 'pppoe' },
    ]);
    router.seed('/ppp/active', [
      { name: 'siti.nuraini', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '2d3h4m' },
      { name: 'teknisi', address: '10.10.0.99', 'caller-id': 'AA:BB:CC:00:00:09', uptime: '15m' },
    ]);
    app = await startApp('router-sessions', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
    core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    core.services.packages.create(tenantId, { name: 'Gold 50 Mbps', price: 300_000, routerProfile: 'gold', rateLimit: '50M/50M', active: true });
    await core.bus.drain();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
  });

  const dialog = () => app.page.getByTestId('customer-import');
  const decide = (profile: string, value: string) => dialog().locator(`[data-testid="import-package-decision"][data-package="${profile}"]`).selectOption(value);
  const settled = () => expect.poll(() => dialog().getByTestId('import-preview').getAttribute('aria-busy')).toBe('false');

  it('imports the router\'s secrets through the screen: profiles mapped or skipped, previewed, applied, and a second run adds nobody', async () => {
    const { page } = app;
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-import-open').click();
    await dialog().getByTestId('import-router-source').waitFor();
    await app.shot('choose-router');
    await dialog().getByTestId('import-router-read').click();
    await dialog().getByTestId('import-preview').waitFor();
    await settled();
    expect(await dialog().getByTestId('import-source').textContent()).toContain('router');
    // hemat-10m is a package's router profile: taken as is. gold-50m reads like Gold 50 Mbps: chosen for the operator to confirm.
    const gold = dialog().locator('[data-testid="import-package-decision"][data-package="gold-50m"]');
    await expect.poll(() => gold.locator('option:checked').textContent()).toBe('Gold 50 Mbps');
    await decide('staff', 'skip');
    await settled();
    await app.shot('router-preview');
    expect(await dialog().getByTestId('import-apply').textContent()).toContain('2 baru');
    await dialog().getByTestId('import-apply').click();
    await dialog().getByTestId('import-report').waitFor();
    expect(await dialog().getByTestId('import-report-summary').textContent()).toMatch(/2 baru.*1 dilewati/i);
    await app.shot('router-report');

    await dialog().getByTestId('import-again').click();
    await dialog().getByTestId('import-router-read').click();
    await dialog().getByTestId('import-preview').waitFor();
    await settled();
    await decide('staff', 'skip');
    await settled();
    expect(await dialog().getByTestId('import-apply').textContent()).toMatch(/Tidak ada/i);
    await dialog().getByTestId('import-other-file').click();
    await page.keyboard.press('Escape');
  });

  it('shows Siti online on her page with her address, uptime in plain words and caller id', async () => {
    const { page } = app;
    const siti = app.server.core.db.prepare(`SELECT id, router_id FROM customers WHERE username = 'siti.nuraini'`).get() as { id: string; router_id: string | null };
    expect(siti.router_id).not.toBeNull();
    await page.goto(`${app.server.url}/#/customers/${siti.id}`);
    await expect.poll(() => page.getByTestId('customer-session-state').getAttribute('data-state')).toBe('online');
    expect(await page.getByTestId('customer-session-address').textContent()).toBe('10.10.0.21');
    expect(await page.getByTestId('customer-session-uptime').textContent()).toMatch(/^2 hari 3 jam$/);
    await app.shot('customer-online');
  });

  it('lists the router\'s active sessions with customer names, "tidak dikenal" for the rest, and says so when the router goes silent', async () => {
    const { page } = app;
    await page.getByTestId('nav-routers').click();
    await page.getByTestId('router-check').first().click();
    const rows = page.getByTestId('router-session-row');
    await expect.poll(() => rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.some((r) => r.startsWith('siti.nuraini') && r.includes('10.10.0.21'))).toBe(true);
    // teknisi's profile was skipped: a login, but no customer.
    expect(texts.some((r) => r.includes('tidak dikenal') && r.includes('teknisi'))).toBe(true);
    await app.shot('router-sessions');

    await router.setFault('down');
    await app.server.core.services.sessions.pollAll([app.server.core.services.tenants.primaryId() ?? '']);
    await expect.poll(() => page.getByTestId('sessions-problem').count()).toBe(1);
    expect(await page.getByTestId('router-sessions-table').getAttribute('data-live')).toBe('false');
    expect(await page.getByTestId('sessions-problem').textContent()).toMatch(/Router tidak menjawab/);
    await app.shot('router-silent');
  });
});
