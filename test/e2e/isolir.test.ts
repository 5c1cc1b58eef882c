import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';

/**
 * The office isolates a customer from their page. This install has no router connection set up, so
 * the router never confirms: the page must say that plainly and never show the customer as isolated.
 */
describe('isolir from a customer page (web mode, Chromium)', () => {
  let app: E2eApp;
  let customerId: string;

  beforeAll(async () => {
    app = await startApp('isolir', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const routerId = core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: '192.168.88.1', username: 'rrnet', password: 'x' });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    customerId = core.services.customers.create(tenantId, {
      name: "Siti Nur'aini",
      phone: '+6281234567890',
      packageId: pkg.id,
      username: 'siti.nuraini',
      billingDay: 10,
      address: 'Jl. Melati 3, Purwokerto',
      latitude: null,
      longitude: null,
      routerId,
      serviceType: 'pppoe',
      notes: '',
    }).id;
    await core.bus.drain();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks for the reason, then shows why the router has not applied it, and the customer stays active', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#/customers/${customerId}`);
    await page.getByTestId('customer-isolir').click();
    await expect.poll(() => page.getByTestId('isolir-reason').inputValue()).toBe('Tunggakan tagihan');
    await page.getByTestId('isolir-reason').fill('Tunggakan 2 bulan');
    await app.shot('request');
    await page.getByTestId('isolir-submit').click();
    await app.server.core.jobs.runDue();
    await expect.poll(() => page.getByTestId('isolir-history-state').first().textContent()).toContain('belum disiapkan untuk isolir');
    expect(await page.getByTestId('detail-name').textContent()).toContain('Aktif');
    await app.shot('customer-history');
  });

  it('lists the failed request on the Isolir screen with a retry', async () => {
    const { page } = app;
    await page.getByTestId('nav-isolir').click();
    await page.getByTestId('tab-failed').click();
    const row = page.getByTestId('isolir-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain("Siti Nur'aini");
    expect(await row.getByTestId('isolir-state').textContent()).toContain('belum disiapkan');
    await app.shot('failed-tab');
  });
});
