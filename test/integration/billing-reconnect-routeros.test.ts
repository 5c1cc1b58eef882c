import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { createTestCore, login, ok, OWNER, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { customerInput } from '../support/customers.js';
import { billingTenant, localTime } from '../support/billing.js';

/**
 * The money loop's way back, through the whole core to a MikroTik (the RouterOS wire server): a
 * customer the billing policy isolated pays, and the router has them back on their package with
 * the isolated session ended, from the payment alone (no sweep, no button on the Isolir screen).
 */
describe('a payment reconnects at once on the router', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let token: string;
  let tenantId: string;
  let customerId: string;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18', roundTripMs: 5 });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', [{ name: 'pelanggan.1', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 1, 9, 0)) });
    const o = await billingTenant(t.core);
    ({ token, tenantId } = o);
    const routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: 'pppoe-profile' }, token)).id;
    customerId = (await ok(t.core, 'customers.create', { ...customerInput(o.packageId, 1, { billingDay: 1 }), routerId }, token)).id;
    await ok(t.core, 'billing.invoices.generate', {}, token);
    // Three weeks on, past due and grace: the policy isolates (billloop's scan does this through the same door).
    t.clock.set(localTime('Asia/Jakarta', 2026, 11, 22, 9, 0));
    token = await login(t.core, OWNER.username, OWNER.password);
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '1h' }]);
    t.core.services.isolir.request(tenantId, { kind: 'isolate', customerIds: [customerId], reason: 'Tagihan lewat jatuh tempo', source: 'policy', requestedBy: null });
    await until(() => secret()?.profile === 'isolir' && online().length === 0);
    await until(async () => (await ok(t.core, 'customers.get', { id: customerId }, token)).status === 'isolated');
    // The customer dials in again, into the isolir profile.
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.99.0.21', 'caller-id': 'AA:BB:CC:00:00:01', uptime: '5m' }]);
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  const secret = () => router.table('/ppp/secret').find((s) => s.name === 'pelanggan.1');
  const online = () => router.table('/ppp/active').filter((s) => s.name === 'pelanggan.1');
  const pay = (amount: number, requestKey: string) => ok(t.core, 'billing.payments.record', { requestKey, customerId, amount, method: 'cash' }, token);

  it('payment in full: the package profile is back and the isolated session ended, by the worker, without a sweep', async () => {
    const result = await pay(150_000, 'reconnect-0001');
    expect(result).toMatchObject({ reconnect: 'requested', owed: 0 });
    await until(() => secret()?.profile === 'hemat-10m' && online().length === 0);
    await until(async () => (await ok(t.core, 'customers.get', { id: customerId }, token)).status === 'active');
    const history = await ok(t.core, 'isolir.history', { customerId }, token);
    expect(history[0]).toMatchObject({ id: result.reconnectActionId, kind: 'reconnect', source: 'policy', status: 'applied', requestedBy: 'Bu Pemilik' });
  });

  it('a partial payment that leaves the invoice past due keeps the customer isolated', async () => {
    const result = await pay(100_000, 'reconnect-0002');
    expect(result).toMatchObject({ reconnect: 'still_owing', reconnectActionId: null, owed: 50_000 });
    await t.core.jobs.runDue();
    expect(secret()?.profile).toBe('isolir');
    expect(online()).toHaveLength(1);
  });

  it('a customer a person isolated by hand stays isolated after paying: lifting it is a person\'s call', async () => {
    await ok(t.core, 'isolir.reconnect', { customerIds: [customerId], reason: 'uji' }, token);
    await until(async () => (await ok(t.core, 'customers.get', { id: customerId }, token)).status === 'active');
    await ok(t.core, 'isolir.isolate', { customerIds: [customerId], reason: 'Penyalahgunaan' }, token);
    await until(async () => (await ok(t.core, 'customers.get', { id: customerId }, token)).status === 'isolated');
    expect(await pay(150_000, 'reconnect-0003')).toMatchObject({ reconnect: 'none' });
  });
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(await condition()).toBe(true);
}
