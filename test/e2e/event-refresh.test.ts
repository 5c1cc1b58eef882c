import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type E2eApp } from './support/browser.js';
import { signIn } from './support/customer-list.js';

const PASSWORD = 'rahasia-demo-1';

describe('screens refreshed by the core events (web mode, Chromium)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp('event-refresh', { ownerPassword: PASSWORD, demo: true });
    await signIn(app.page, app.server.url, PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('re-reads the WhatsApp figures at most once a second while a broadcast reports four times a second', async () => {
    const { page, server } = app;
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('wa-metrics').waitFor();
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/wa.metrics')) calls.push(request.url());
    });
    const tenantId = server.core.services.tenants.primaryId() ?? '';
    for (let i = 0; i < 12; i++) {
      server.core.bus.announce('wa_activity', tenantId, { broadcastId: null });
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(1_200);
    // 3 s of events: one refetch per second at most (the last may land after the stream stops).
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('does not refetch what is not on screen: the customer list waits until it is shown again', async () => {
    const { page, server } = app;
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/customers.list')) calls.push(request.url());
    });
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('stat-active').waitFor();
    const before = calls.length;
    const tenantId = server.core.services.tenants.primaryId() ?? '';
    const { id } = server.core.db.prepare('SELECT id FROM customers WHERE tenant_id = ? LIMIT 1').get(tenantId) as { id: string };
    server.core.services.customers.update(tenantId, id, { notes: 'diubah dari kantor lain' });
    await page.waitForTimeout(1_500);
    expect(calls.length).toBe(before);
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => calls.length).toBeGreaterThan(before);
  });
});
