import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';

/**
 * A customer's account on the router follows the console, and a hand change on the router (the
 * RouterOS wire server's table edited, as a technician in Winbox would) is put back by "Periksa
 * sekarang" and shows under "Drift diperbaiki".
 */
describe('the account on the router and the reconciler (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let customerId: string;

  beforeAll(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    app = await startApp('provisioning', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const routerId = core.services.routers.create(tenantId, { name: 'MikroTik Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    customerId = seedCustomer(core, tenantId, {
      name: 'Budi Santoso',
      phone: '+6281234567891',
      packageId: pkg.id,
      username: 'budi.santoso',
      billingDay: 10,
      address: 'Jl. Kenanga 7, Purwokerto',
      routerId,
      pppoePassword: 'sandi-budi',
    }).id;
    await core.bus.drain();
    await core.jobs.runDue();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
  });

  const secret = () => router.table('/ppp/secret').find((s) => s.name === 'budi.santoso');

  it('a new customer has their PPPoE secret on the router, and their page says so', async () => {
    expect(secret()).toMatchObject({ password: 'sandi-budi', profile: 'hemat-10m', comment: `rrnet:${customerId}` });
    const { page } = app;
    await page.goto(`${app.server.url}/#/customers/${customerId}`);
    await expect.poll(() => page.getByTestId('router-account').getAttribute('data-status')).toBe('applied');
    expect(await page.getByTestId('router-account-state').textContent()).toContain('Sudah di router');
    await app.shot('customer-on-router');
  });

  it('a router that cannot be reached: the page says the change waits for it and why, then that it is on the router', async () => {
    const { page } = app;
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    await router.setFault('down');
    core.services.customers.update(tenantId, customerId, { username: 'budi.s' });
    await expect.poll(() => page.getByTestId('router-account-state').textContent(), { timeout: 15_000 }).toContain('Menunggu router: Router tidak bisa dihubungi');
    await app.shot('customer-pending-on-router');
    await router.setFault(null);
    await expect.poll(() => page.getByTestId('router-account').getAttribute('data-status'), { timeout: 20_000 }).toBe('applied');
    expect(router.table('/ppp/secret').map((s) => s.name)).toEqual(['budi.s']);
    core.services.customers.update(tenantId, customerId, { username: 'budi.santoso' });
    await expect.poll(() => secret()?.name, { timeout: 15_000 }).toBe('budi.santoso');
  });

  it('a profile changed by hand on the router is put back by "Periksa sekarang" and shows under "Drift diperbaiki"', async () => {
    const hand = secret();
    if (hand) hand.profile = 'isolir';
    router.seed('/ppp/secret', [{ name: 'tetangga', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    const { page } = app;
    await page.getByTestId('nav-isolir').click();
    await page.getByTestId('tab-drift').click();
    await page.getByTestId('drift-reconcile').click();
    await expect.poll(() => secret()?.profile).toBe('hemat-10m');
    const row = page.locator('[data-testid="drift-row"][data-username="budi.santoso"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Diubah manual di router:profile=isolir');
    expect(await row.getByTestId('drift-done').textContent()).toBe('set profile=hemat-10m');
    // Reported, never deleted.
    expect(await page.locator('[data-testid="drift-row"][data-username="tetangga"]').textContent()).toContain('tidak dimiliki pelanggan mana pun');
    expect(router.table('/ppp/secret').some((s) => s.name === 'tetangga')).toBe(true);
    await app.shot('drift-repaired');
  });

  it('deactivating says the truth, disables the secret on the router, and reactivating enables it', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#/customers/${customerId}`);
    await page.getByTestId('customer-toggle').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('dimatikan di router');
    await app.shot('confirm-deactivate');
    await dialog.getByTestId('confirm-ok').click();
    await expect.poll(() => secret()?.disabled).toBe('true');
    await expect.poll(() => page.getByTestId('router-account').getAttribute('data-status')).toBe('applied');
    await app.shot('customer-deactivated');
    await page.getByTestId('customer-toggle').click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
    await expect.poll(() => secret()?.disabled).toBe('false');
  });
});
