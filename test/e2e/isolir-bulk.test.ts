import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { seriousViolations } from './support/axe.js';
import { startApp, type E2eApp } from './support/browser.js';
import { seedCustomer } from '../support/customers.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';
const PER_ROUTER = 6;

/**
 * The office isolates many customers at once from the customers list (two MikroTiks, played by the
 * RouterOS wire server), with the keyboard where it can, and reconnects several from the Isolir
 * screen; each step is checked on the routers themselves.
 */
describe('bulk isolir from the customers list and the Isolir screen (web mode, Chromium)', () => {
  let app: E2eApp;
  const routers: RouterOsServer[] = [];

  beforeAll(async () => {
    app = await startApp('isolir-bulk', { ownerPassword: PASSWORD });
    const core = app.server.core;
    const tenantId = core.services.tenants.primaryId() ?? '';
    const pkg = core.services.packages.create(tenantId, { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M', active: true });
    for (const [r, name] of ['MikroTik Pusat', 'MikroTik Cabang'].entries()) {
      const router = await startRouterOsServer({ version: '7.18' });
      router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
      routers.push(router);
      const routerId = core.services.routers.create(tenantId, { name, host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' });
      for (let i = 1; i <= PER_ROUTER; i++) {
        const username = `r${r}.pelanggan${i}`;
        router.seed('/ppp/secret', [{ name: username, password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
        seedCustomer(core, tenantId, {
          name: `Pelanggan ${r === 0 ? 'Pusat' : 'Cabang'} ${i}`,
          phone: `+62812345${r}${String(i).padStart(4, '0')}`,
          packageId: pkg.id,
          username,
          billingDay: 10,
          address: '',
          routerId,
        });
      }
    }
    await core.bus.drain();
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    for (const router of routers) await router.close();
  });

  const profiles = () => routers.flatMap((r) => r.table('/ppp/secret').map((s) => s.profile));

  it('chooses all shown plus one by keyboard, confirms how many on which routers, and isolates them all on the routers', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#/customers`);
    await page.getByTestId('customer-row').first().waitFor();
    // Narrow to the branch's customers, choose every one shown, then add one of Pusat's by keyboard.
    await page.getByTestId('customer-search').fill('Cabang');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(PER_ROUTER);
    await page.getByTestId('select-all-shown').check();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toContain(String(PER_ROUTER));
    await app.shot('all-shown-chosen');
    // Another search is another list: the choice does not follow unseen.
    await page.getByTestId('customer-search').fill('');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(2 * PER_ROUTER);
    await expect.poll(() => page.getByTestId('isolir-bulk-bar').count()).toBe(0);

    await page.getByTestId('select-all-shown').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toContain(String(2 * PER_ROUTER));
    // One off again, from the keyboard: the list is one Tab stop; Space on a row chooses it or lets it go.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)).toBe('customer-row');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toContain(String(2 * PER_ROUTER - 1));
    expect(await seriousViolations(page)).toEqual([]);
    await app.shot('chosen');

    await page.getByTestId('bulk-isolate').click();
    const question = await page.getByTestId('isolir-question').textContent();
    expect(question).toContain(`${2 * PER_ROUTER - 1} pelanggan`);
    expect(question).toContain('MikroTik Pusat (');
    expect(question).toContain('MikroTik Cabang (');
    await page.getByTestId('isolir-reason').fill('Tunggakan November');
    expect(await seriousViolations(page)).toEqual([]);
    await app.shot('confirm');
    await page.keyboard.press('Enter');
    await app.server.core.jobs.runDue();
    await expect.poll(() => profiles().filter((p) => p === 'isolir').length).toBe(2 * PER_ROUTER - 1);
    await expect.poll(() => page.getByTestId('isolir-bulk-bar').count()).toBe(0);
    await app.shot('isolated');
  });

  it('reconnects several isolated customers at once from the Isolir screen', async () => {
    const { page } = app;
    await page.getByTestId('nav-isolir').click();
    await expect.poll(() => page.getByTestId('isolir-row').count()).toBe(2 * PER_ROUTER - 1);
    const rows = page.getByTestId('select-row');
    for (let i = 0; i < 3; i++) await rows.nth(i).check();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toContain('3');
    expect(await seriousViolations(page)).toEqual([]);
    await app.shot('isolir-chosen');
    await page.getByTestId('bulk-reconnect').click();
    expect(await page.getByTestId('isolir-question').textContent()).toContain('3 pelanggan akan disambungkan kembali');
    await page.getByTestId('isolir-submit').click();
    await app.server.core.jobs.runDue();
    await expect.poll(() => profiles().filter((p) => p === 'hemat-10m').length).toBe(1 + 3);
    await expect.poll(() => page.getByTestId('isolir-row').count()).toBe(2 * PER_ROUTER - 4);
    await app.shot('isolir-after');
  });
});
