import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';

const OWNER_PASSWORD = 'rahasia-pemilik-1';
const GONE = '01JH000000000000000000GONE';

describe('system failures panel (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('system-failures', { ownerPassword: OWNER_PASSWORD });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the owner a parked event and retries it', async () => {
    const { page, server } = app;
    const { core } = server;
    const tenantId = core.services.tenants.primaryId()!;
    // A subscriber that failed on an event until it was parked, and can handle it now.
    const handled: string[] = [];
    core.bus.subscribe(
      'probe',
      (e) => {
        if (e.name === 'customer_created') handled.push((e.payload as { customerId: string }).customerId);
      },
      { durable: true },
    );
    core.bus.deadLetters.park('probe', { name: 'customer_created', tenantId, payload: { customerId: GONE }, seq: 1, at: new Date().toISOString() }, 5, 'Pelanggan tidak ditemukan');

    await page.goto(server.url);
    await page.getByTestId('input-username').fill('owner');
    await page.getByTestId('input-password').fill(OWNER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('tab-failures').click();

    const row = page.getByTestId('system-failure-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('customer_created');
    expect(await row.textContent()).toContain('Pelanggan tidak ditemukan');
    await app.shot('parked');

    await row.getByTestId('system-failure-retry').click();
    await page.getByTestId('system-failures-table-empty').waitFor();
    expect(handled).toEqual([GONE]);
    expect(core.bus.deadLetters.list(tenantId)).toEqual([]);
    await app.shot('retried');
  });
});
