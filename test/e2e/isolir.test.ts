import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';

/**
 * The office isolates a customer from their page and reconnects them from the Isolir screen; the
 * RouterOS wire server plays their MikroTik, and the test reads what the router has after each step.
 */
describe('isolir from a customer page to the router and back (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let customerId: string;

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [{ name: 'siti.nuraini', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    router.seed('/ppp/active', [{ name: 'siti.nuraini', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '3h' }]);
    app = await startApp('isolir', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const routerId = core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    customerId = seedCustomer(core, tenantId, {
      name: "Siti Nur'aini",
      phone: '+6281234567890',
      packageId: pkg.id,
      username: 'siti.nuraini',
      billingDay: 10,
      address: 'Jl. Melati 3, Purwokerto',
      routerId,
    }).id;
    await core.bus.drain();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
  });

  const profile = () => router.table('/ppp/secret')[0]?.profile;

  it('asks for the reason, sends it to the router, and shows the customer isolated once the router confirmed', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#/customers/${customerId}`);
    await page.getByTestId('customer-isolir').click();
    await expect.poll(() => page.getByTestId('isolir-reason').inputValue()).toBe('Tunggakan tagihan');
    await page.getByTestId('isolir-reason').fill('Tunggakan 2 bulan');
    await app.shot('request');
    await page.getByTestId('isolir-submit').click();
    await app.server.core.jobs.runDue();
    await expect.poll(() => profile()).toBe('isolir');
    expect(router.table('/ppp/active')).toHaveLength(0);
    await expect.poll(() => page.getByTestId('detail-name').textContent()).toContain('Isolir');
    // Plain words first; the router's own words are folded under "Detail teknis".
    expect(await page.getByTestId('isolir-history-state').first().textContent()).toBe('Diterapkan router: profil diganti ke isolir, 1 sesi diputus');
    const technical = page.getByTestId('isolir-history-technical').first();
    expect(await technical.locator('code').isVisible()).toBe(false);
    await technical.locator('summary').click();
    expect(await technical.locator('code').textContent()).toBe('profile=isolir; 1 session removed');
    await app.shot('customer-isolated');
  });

  it('lists the customer as isolated on the Isolir screen and reconnects them from there', async () => {
    const { page } = app;
    await page.getByTestId('nav-isolir').click();
    const row = page.getByTestId('isolir-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain("Siti Nur'aini");
    await app.shot('isolated-tab');
    await row.getByTestId('isolir-reconnect').click();
    await page.getByTestId('isolir-submit').click();
    await app.server.core.jobs.runDue();
    await expect.poll(() => profile()).toBe('hemat-10m');
    await page.getByTestId('tab-reconnected').click();
    await page.getByTestId('isolir-row').first().waitFor();
    await app.shot('reconnected-tab');
  });
});
