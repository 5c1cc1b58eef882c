import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouterOsServer } from '../support/routeros-server.js';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';

/**
 * The demo's router (`npm run web -- --demo`, "isi data contoh"): a simulated MikroTik on loopback
 * that the console provisions, isolates and reconnects on as it would a real one, its customers'
 * routers dialling in. Before it, the demo pointed at 10.10.0.1 and every customer waited for a router.
 */
describe('the demo router', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  /** Works the console's queue until `done` holds (provisioning and isolir are durable jobs), at most ~15 s of real time. */
  async function until(done: () => boolean, what: string) {
    for (let i = 0; i < 300 && !done(); i++) {
      await t.core.jobs.runDue();
      if (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!done()) throw new Error(`timed out waiting for ${what}`);
  }

  async function seeded(): Promise<{ router: RouterOsServer; pppoe: { id: string; username: string }[] }> {
    t.core.services.demo.seed(owner.tenantId, { customers: 12 });
    await t.core.bus.drain();
    const router = await t.core.services.demoRouters.ensure(owner.tenantId);
    if (!router) throw new Error('no demo router');
    const customers = await ok(t.core, 'customers.list', { limit: 100 }, owner.token);
    const pppoe = customers.items.filter((c) => c.serviceType === 'pppoe' && c.status === 'active').map((c) => ({ id: c.id, username: c.username }));
    return { router, pppoe };
  }

  it('is a router the console reaches: every active customer provisioned on it, each one dialled in', async () => {
    const { router, pppoe } = await seeded();
    const [listed] = await ok(t.core, 'routers.list', {}, owner.token);
    expect(listed).toMatchObject({ host: '127.0.0.1', apiPort: router.port });
    const secrets = () => router.table('/ppp/secret').map((s) => s.name);
    await until(() => pppoe.every((c) => secrets().includes(c.username)), 'the accounts on the router');
    await until(() => pppoe.every((c) => router.table('/ppp/active').some((s) => s.name === c.username)), 'the sessions');
  }, 30_000);

  it('isolates on it and reconnects, the customer dialling in again each time', async () => {
    const { router, pppoe } = await seeded();
    const customer = pppoe[0];
    if (!customer) throw new Error('no pppoe customer in the demo');
    const secret = () => router.table('/ppp/secret').find((s) => s.name === customer.username);
    const session = () => router.table('/ppp/active').find((s) => s.name === customer.username);
    await until(() => session() !== undefined, 'the first session');
    await ok(t.core, 'isolir.isolate', { customerIds: [customer.id], reason: 'Tunggakan' }, owner.token);
    await until(() => secret()?.profile === 'isolir', 'the isolir profile');
    expect((await ok(t.core, 'customers.get', { id: customer.id }, owner.token)).status).toBe('isolated');
    // Its router at home dials again and lands in the isolir profile, as a real CPE does.
    await until(() => session() !== undefined, 'the session in isolir');
    await ok(t.core, 'isolir.reconnect', { customerIds: [customer.id], reason: 'Sudah bayar' }, owner.token);
    await until(() => secret()?.profile !== 'isolir', 'the package profile back');
    expect((await ok(t.core, 'customers.get', { id: customer.id }, owner.token)).status).toBe('active');
  }, 30_000);

  it('comes back at its own port after a restart, and is never a router the ISP added itself', async () => {
    const { router } = await seeded();
    const port = router.port;
    await ok(t.core, 'routers.create', { name: 'MikroTik Pusat 2', host: '192.168.88.1', username: 'rrnet-api', password: 'x' }, owner.token);
    await t.restart();
    const again = await t.core.services.demoRouters.ensure(owner.tenantId);
    expect(again?.port).toBe(port);
    const routers = await ok(t.core, 'routers.list', {}, owner.token);
    expect(routers.map((r) => [r.name, r.host])).toEqual(expect.arrayContaining([['MikroTik Pusat', '127.0.0.1'], ['MikroTik Pusat 2', '192.168.88.1']]));
  }, 30_000);
});
