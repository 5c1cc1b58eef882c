import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import type { IsolirMethod } from '../../shared/domain/router.js';

/**
 * The reconciler against the RouterOS wire server: a technician's hand changes in Winbox (the
 * server's tables edited directly) are found in one read of the router and put right, logged, and
 * accounts no customer owns are reported, never deleted.
 */
describe('reconciler: drift on a router is repaired and logged', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;
  let routerId: string;
  let packageId: string;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
    packageId = await createPackage(t.core, owner.token);
  });

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  const settle = async () => {
    await t.core.bus.drain();
    await t.core.jobs.runDue();
  };
  const secret = (name: string) => router.table('/ppp/secret').find((s) => s.name === name);
  const reconcile = () => ok(t.core, 'provisioning.reconcile', { routerId }, owner.token);
  const drift = async () => (await ok(t.core, 'provisioning.drift', {}, owner.token)).items;

  async function customers(method: IsolirMethod, n: number): Promise<string[]> {
    routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia', isolirMethod: method }, owner.token)).id;
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) ids.push((await ok(t.core, 'customers.create', { ...customerInput(packageId, i), routerId, pppoePassword: `sandi-${i}` }, owner.token)).id);
    await settle();
    return ids;
  }

  it('puts back a profile changed by hand and a secret deleted by hand, and logs each', async () => {
    const [a, b] = await customers('pppoe-profile', 3);
    const hand = secret('pelanggan.1');
    if (hand) hand.profile = 'isolir';
    router.table('/ppp/secret').splice(router.table('/ppp/secret').findIndex((s) => s.name === 'pelanggan.2'), 1);
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21' }]);

    const sent = router.received.length;
    const result = await reconcile();
    expect(result).toMatchObject({ checked: 3, repaired: 2, skipped: 0, unknown: [], errorCode: null });
    // The whole table in one print, only the fields compared.
    const reads = router.received.slice(sent).filter((c) => c.words[0] === '/ppp/secret/print' && !c.words.some((w) => w.startsWith('?')));
    expect(reads.map((c) => c.words.filter((w) => !w.startsWith('.tag=')).slice(1))).toEqual([['=.proplist=.id,name,profile,disabled,comment,service']]);
    expect(secret('pelanggan.1')?.profile).toBe('hemat-10m');
    expect(router.table('/ppp/active')).toHaveLength(0);
    expect(secret('pelanggan.2')).toMatchObject({ password: 'sandi-2', profile: 'hemat-10m', comment: `rrnet:${b}` });
    const log = await drift();
    expect(log.map((d) => [d.customerId, d.kind, d.found, d.outcome])).toEqual(
      expect.arrayContaining([
        [a, 'changed', 'profile=isolir', 'repaired'],
        [b, 'missing', '', 'repaired'],
      ]),
    );
    expect(log.find((d) => d.customerId === a)?.done).toBe('set profile=hemat-10m; 1 session removed');
    expect(log.every((d) => d.routerName === 'Pusat' && d.customerName !== null)).toBe(true);

    // Nothing differs any more: a second run repairs nothing and logs nothing.
    expect((await reconcile()).repaired).toBe(0);
    expect(await drift()).toHaveLength(2);
  });

  it('an isolated customer enabled again by hand is disabled again, with their session removed', async () => {
    const [id = ''] = await customers('disable-secret', 1);
    await ok(t.core, 'isolir.isolate', { customerIds: [id], reason: 'Tunggakan' }, owner.token);
    await settle();
    expect(secret('pelanggan.1')?.disabled).toBe('true');
    const hand = secret('pelanggan.1');
    if (hand) hand.disabled = 'false';
    router.seed('/ppp/active', [{ name: 'pelanggan.1', address: '10.10.0.21' }]);

    expect((await reconcile()).repaired).toBe(1);
    expect(secret('pelanggan.1')?.disabled).toBe('true');
    expect(router.table('/ppp/active')).toHaveLength(0);
    expect((await drift())[0]).toMatchObject({ customerId: id, kind: 'changed', found: 'disabled=false', outcome: 'repaired' });
  });

  it('an address-list isolation undone by hand (entry removed in Winbox) is put back; an entry left after reconnecting goes', async () => {
    const [a = '', b = ''] = await customers('address-list', 2);
    const fixed = (name: string, address: string) => {
      const row = secret(name);
      if (row) row['remote-address'] = address;
    };
    fixed('pelanggan.1', '10.20.0.1');
    fixed('pelanggan.2', '10.20.0.2');
    await ok(t.core, 'isolir.isolate', { customerIds: [a], reason: 'Tunggakan' }, owner.token);
    await settle();
    const list = () => router.table('/ip/firewall/address-list').filter((e) => e.list === 'isolir').map((e) => [e.address, e.comment]);
    expect(list()).toEqual([['10.20.0.1', `rrnet:${a}`]]);

    // By hand: a's entry removed (internet back without paying), and one of ours added for b, who is active.
    router.table('/ip/firewall/address-list').splice(0);
    router.seed('/ip/firewall/address-list', [{ list: 'isolir', address: '10.20.0.2', comment: `rrnet:${b}` }]);
    const sent = router.received.length;
    expect(await reconcile()).toMatchObject({ checked: 2, repaired: 2, skipped: 0 });
    expect(list()).toEqual([['10.20.0.1', `rrnet:${a}`]]);
    // The list read once for the router, with the accounts.
    const reads = router.received.slice(sent).filter((c) => c.words[0] === '/ip/firewall/address-list/print' && !c.words.some((w) => w.startsWith('?comment=')));
    expect(reads).toHaveLength(1);
    const log = await drift();
    expect(log.map((d) => [d.customerId, d.found, d.outcome])).toEqual(
      expect.arrayContaining([
        [a, 'isolir list: missing', 'repaired'],
        [b, 'isolir list: still listed', 'repaired'],
      ]),
    );
    expect((await ok(t.core, 'customers.get', { id: a }, owner.token)).status).toBe('isolated');
    // Nothing differs now.
    expect((await reconcile()).repaired).toBe(0);
  });

  it('reports an account no customer owns once, and leaves it on the router', async () => {
    await customers('pppoe-profile', 1);
    router.seed('/ppp/secret', [{ name: 'tetangga', password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
    expect((await reconcile()).unknown).toEqual(['tetangga']);
    expect(secret('tetangga')).toBeDefined();
    await reconcile();
    const log = await drift();
    expect(log).toEqual([expect.objectContaining({ customerId: null, username: 'tetangga', kind: 'unknown', outcome: 'reported' })]);
  });

  it('leaves a customer whose change is still on its way to that change', async () => {
    const [id = ''] = await customers('pppoe-profile', 1);
    await ok(t.core, 'customers.deactivate', { id }, owner.token);
    await t.core.bus.drain();
    // The sync is queued, not run: the router still has the account enabled.
    const result = await reconcile();
    expect(result).toMatchObject({ repaired: 0, skipped: 1 });
    expect(await drift()).toHaveLength(0);
    await t.core.jobs.runDue();
    expect(secret('pelanggan.1')?.disabled).toBe('true');
  });

  it('runs by itself every ten minutes, and records a router that does not answer', async () => {
    await customers('pppoe-profile', 1);
    const hand = secret('pelanggan.1');
    if (hand) hand.profile = 'isolir';
    t.core.scheduler.tick();
    t.clock.advance(10 * 60_000);
    t.core.scheduler.tick();
    await settle();
    expect(secret('pelanggan.1')?.profile).toBe('hemat-10m');

    await router.setFault('down');
    expect(await reconcile()).toMatchObject({ errorCode: 'UNREACHABLE', checked: 0 });
  });
});
