import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { closedPort } from '../support/router-probes.js';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';

/**
 * Issue 8's evidence, first steps: set up the isolir page, add a router, test it, prepare it (see
 * the plan, confirm, see it done, see a second look find everything there). The RouterOS wire
 * server plays a RouterOS 6.49 MikroTik with the usual fasttrack rule; the real client talks to it.
 */
describe('preparing a router for isolir (web mode, Chromium)', () => {
  let app: E2eApp;
  let router: RouterOsServer;
  let landingPort: number;

  beforeAll(async () => {
    router = await startRouterOsServer({
      version: '6.49',
      identity: 'MikroTik-Dusun',
      users: [
        { name: 'admin', password: 'rahasia', group: 'full' },
        { name: 'pemantau', password: 'rahasia', group: 'read' },
      ],
    });
    router.seed('/ppp/profile', [{ name: 'default' }]);
    router.seed('/ip/firewall/filter', [
      { chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established,related' },
      { chain: 'forward', action: 'accept', 'connection-state': 'established,related' },
    ]);
    landingPort = await closedPort();
    app = await startApp('router-prepare', { ownerPassword: PASSWORD });
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await router?.close();
  });

  it('sets up the isolir page this computer serves', async () => {
    const { page } = app;
    await page.getByTestId('nav-routers').click();
    await page.getByTestId('landing-open').click();
    const dialog = page.getByTestId('landing-settings');
    await dialog.waitFor();
    expect(await dialog.getByTestId('landing-state').getAttribute('data-state')).toBe('off');
    await dialog.getByTestId('input-enabled').check();
    await dialog.getByTestId('input-host').fill('127.0.0.1');
    await dialog.getByTestId('input-port').fill(String(landingPort));
    await dialog.getByTestId('input-contactPhone').fill('0812-3456-7890');
    await dialog.getByTestId('input-paymentNote').fill('Transfer ke BRI 0123-01-000123-50-1 a.n. RT/RW Net Sejahtera,\natau bayar di kantor (Senin–Sabtu, 08.00–16.00).');
    await app.shot('landing-settings');
    await dialog.getByTestId('landing-save').click();
    await dialog.waitFor({ state: 'detached' });

    // The page itself, as an isolated customer's phone gets it for whatever address they opened.
    const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`http://127.0.0.1:${landingPort}/berita/hari-ini`);
    expect(await phone.textContent('h1')).toBe('Internet Anda sedang dijeda');
    expect(await phone.content()).toContain('BRI 0123-01-000123-50-1');
    await phone.screenshot({ path: 'test-results/screenshots/router-prepare-00-landing-page-phone.png', fullPage: true });
    await phone.close();
  });

  it('adds a router, tests it, prepares it: the plan, the confirmation, done; a second look finds everything there', async () => {
    const { page } = app;
    await page.getByTestId('router-add').click();
    const form = page.getByTestId('router-form');
    await form.getByTestId('input-name').fill('RB Dusun Timur');
    await form.getByTestId('input-host').fill(`${router.host}:${router.port}`);
    await form.getByTestId('input-username').fill('admin');
    await form.getByTestId('input-password').fill('rahasia');
    await form.getByTestId('input-name').click();
    await form.getByTestId('router-test').click();
    // A selector, not waitForFunction: a string predicate is evaluated in the page, whose CSP forbids eval once it has to poll.
    await form.locator('[data-testid="router-test-answer"][data-code="OK"]').waitFor();
    expect(await form.getByTestId('router-test-answer').textContent()).toContain('MikroTik-Dusun');
    await app.shot('router-tested');
    await form.getByTestId('router-save').click();
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('router-row').filter({ hasText: 'RB Dusun Timur' });
    await row.waitFor();
    await app.shot('router-list');
    await row.getByTestId('router-prepare-open').click();
    const dialog = page.getByTestId('router-prepare');
    await dialog.getByTestId('prepare-items').waitFor();
    // A string, not a function: it runs in the page, and the tests' TypeScript has no DOM types.
    const statuses = () =>
      page.evaluate(`[...document.querySelectorAll('[data-testid="prepare-item"]')].map((r) => r.dataset.key + ':' + r.dataset.status)`) as Promise<string[]>;
    expect(await statuses()).toEqual(['pool:add', 'pppProfile:add', 'filterDnsUdp:add', 'filterDnsTcp:add', 'filterLanding:add', 'filterDrop:add', 'natRedirect:add']);
    expect(await dialog.textContent()).toContain('Akan ditambahkan');
    expect(await dialog.textContent()).toContain('RouterOS 6.49');
    expect(await dialog.getByTestId('prepare-apply').textContent()).toBe('Terapkan 7 perubahan');
    // Nothing is written before the confirmation.
    expect(router.table('/ip/pool')).toEqual([]);
    await app.shot('prepare-plan');

    await dialog.getByTestId('prepare-apply').click();
    await dialog.getByTestId('prepare-result').waitFor();
    expect(await dialog.getByTestId('prepare-result').textContent()).toBe('Router sudah siap untuk isolir.');
    expect((await statuses()).every((s) => s.endsWith(':added'))).toBe(true);
    await app.shot('prepare-done');
    const forward = router.table('/ip/firewall/filter').map((r) => r.comment ?? r.action);
    expect(forward).toEqual(['rrnet:isolir:dns-udp', 'rrnet:isolir:dns-tcp', 'rrnet:isolir:landing', 'rrnet:isolir:drop', 'fasttrack-connection', 'accept']);
    expect(router.table('/ip/firewall/nat')[0]).toMatchObject({ 'to-addresses': '127.0.0.1', 'to-ports': String(landingPort) });

    await dialog.getByTestId('prepare-again').click();
    await dialog.locator('[data-testid="prepare-apply"]:disabled').waitFor();
    expect((await statuses()).every((s) => s.endsWith(':present'))).toBe(true);
    expect(await dialog.getByTestId('prepare-apply').textContent()).toBe('Semua sudah ada');
    await app.shot('prepare-again-all-present');
    await dialog.getByTestId('prepare-close').click();
  });

  it('says in plain words when the API user may not write, and changes nothing', async () => {
    const { page } = app;
    const { core } = app.server;
    const tenantId = core.services.tenants.primaryId() ?? '';
    core.services.routers.create(tenantId, { name: 'RB Pantau', host: router.host, apiPort: router.port, username: 'pemantau', password: 'rahasia', isolirMethod: 'address-list' });
    await page.reload();
    // The same MikroTik as above, prepared already: without its redirect there is work to refuse.
    router.table('/ip/firewall/nat').splice(0);
    await page.getByTestId('router-row').filter({ hasText: 'RB Pantau' }).getByTestId('router-prepare-open').click();
    const dialog = page.getByTestId('router-prepare');
    await dialog.getByTestId('prepare-apply').click();
    const result = dialog.getByTestId('prepare-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('user API ini hanya boleh membaca');
    expect(await dialog.getByTestId('prepare-item').filter({ hasText: 'Alihkan web' }).getAttribute('data-status')).toBe('failed');
    expect(router.table('/ip/firewall/nat')).toEqual([]);
    await app.shot('prepare-no-write-rights');
  });
});
