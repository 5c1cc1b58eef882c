import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExecutorResult, IsolirCustomer, RouterIsolir } from '../../main/isolir/index.js';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * The isolir ledger and its jobs, with the router's side played at the executor port by a
 * scripted router: what it answers, when, and what it was asked in which order. (The executors
 * themselves are tested against the RouterOS wire server and a real FreeRADIUS.)
 */
const APPLIED: ExecutorResult = { outcome: 'applied', confirmed: 'profile=isolir' };

class ScriptedRouter implements RouterIsolir {
  readonly calls: string[] = [];
  answer: () => ExecutorResult = () => APPLIED;
  /** Holds every call until released (a slow router). */
  hold: Promise<void> | null = null;

  async isolate(customer: IsolirCustomer): Promise<ExecutorResult> {
    return this.run(`isolate ${customer.username}`);
  }

  async reconnect(customer: IsolirCustomer, packageGroup: string): Promise<ExecutorResult> {
    return this.run(`reconnect ${customer.username} ${packageGroup}`);
  }

  private async run(what: string): Promise<ExecutorResult> {
    this.calls.push(what);
    if (this.hold) await this.hold;
    return this.answer();
  }
}

describe('isolir: isolate and reconnect, as the router confirms', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let router: ScriptedRouter;
  let customerId: string;

  beforeEach(async () => {
    router = new ScriptedRouter();
    t = createTestCore({ isolir: { executors: { forRouter: () => router } } });
    owner = await createOwner(t.core);
    const routerId = t.core.services.routers.create(owner.tenantId, { name: 'Pusat', host: '192.168.88.1', username: 'rrnet', password: 'x' });
    const packageId = await createPackage(t.core, owner.token);
    customerId = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId }, owner.token)).id;
  });

  afterEach(async () => {
    await t.cleanup();
  });

  const isolate = (ids = [customerId]) => ok(t.core, 'isolir.isolate', { customerIds: ids, reason: 'Tunggakan 2 bulan' }, owner.token);
  const reconnect = () => ok(t.core, 'isolir.reconnect', { customerIds: [customerId], reason: 'Sudah bayar' }, owner.token);
  const status = async () => (await ok(t.core, 'customers.get', { id: customerId }, owner.token)).status;
  const history = () => ok(t.core, 'isolir.history', { customerId }, owner.token);

  it('isolates once the router confirms, with who, why and what the router answered in the history', async () => {
    const { actions } = await isolate();
    expect(actions[0]?.status).toBe('pending');
    // Not isolated before the router said so.
    expect(await status()).toBe('active');
    await t.core.jobs.runDue();
    expect(await status()).toBe('isolated');
    const [entry] = await history();
    expect(entry).toMatchObject({ kind: 'isolate', status: 'applied', reason: 'Tunggakan 2 bulan', requestedBy: 'Bu Pemilik', answer: 'profile=isolir', attempts: 1 });
    expect(router.calls).toEqual(['isolate pelanggan.1']);
  });

  it('makes one request of a double submit, even when both arrive at once', async () => {
    const [a, b] = await Promise.all([isolate(), isolate()]);
    expect(a.actions[0]?.id).toBe(b.actions[0]?.id);
    await t.core.jobs.runDue();
    expect(await history()).toHaveLength(1);
    expect(router.calls).toHaveLength(1);
    // Asked again once isolated: nothing new either.
    await isolate();
    await t.core.jobs.runDue();
    expect(router.calls).toHaveLength(1);
  });

  it('keeps a request pending with the reason while the router is unreachable, and applies it when it is back', async () => {
    router.answer = () => ({ outcome: 'failed', failure: { code: 'UNREACHABLE', detail: 'connect ECONNREFUSED 192.168.88.1:8728', retryable: true } });
    await isolate();
    await t.core.jobs.runDue();
    const [waiting] = await history();
    expect(waiting).toMatchObject({ status: 'pending', errorCode: 'UNREACHABLE' });
    expect(await status()).toBe('active');
    router.answer = () => APPLIED;
    t.clock.advance(60_000);
    await t.core.jobs.runDue();
    expect(await history()).toMatchObject([{ status: 'applied', errorCode: null, attempts: 2 }]);
    expect(await status()).toBe('isolated');
  });

  it('fails a request the router refuses, and a person can retry it', async () => {
    router.answer = () => ({ outcome: 'failed', failure: { code: 'COMMAND_FAILED', detail: 'no such item', retryable: false } });
    const { actions } = await isolate();
    await t.core.jobs.runDue();
    const failed = await ok(t.core, 'isolir.list', { view: 'failed' }, owner.token);
    expect(failed.items.map((a) => a.id)).toEqual([actions[0]?.id]);
    expect(failed.items[0]).toMatchObject({ errorCode: 'COMMAND_FAILED', customerName: 'Pelanggan 1' });
    router.answer = () => APPLIED;
    await ok(t.core, 'isolir.retry', { id: actions[0]?.id ?? '' }, owner.token);
    await t.core.jobs.runDue();
    expect(await status()).toBe('isolated');
    expect((await ok(t.core, 'isolir.list', { view: 'isolated' }, owner.token)).items).toHaveLength(1);
  });

  it('a reconnection asked while the isolation is still with a slow router ends reconnected, in that order', async () => {
    let release = () => undefined as void;
    router.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    await isolate();
    const running = t.core.jobs.runDue();
    await expect.poll(() => router.calls.length).toBe(1);
    // The office changes its mind (the customer paid at the counter) while the router is slow.
    await reconnect();
    release();
    router.hold = null;
    await running;
    await t.core.jobs.runDue();
    expect(router.calls).toEqual(['isolate pelanggan.1', 'reconnect pelanggan.1 hemat-10m']);
    expect(await status()).toBe('active');
    const [latest, first] = await history();
    expect(latest).toMatchObject({ kind: 'reconnect', status: 'applied' });
    // The isolation the router carried out was replaced before it was recorded: never shown as isolated.
    expect(first).toMatchObject({ kind: 'isolate', status: 'superseded' });
  });

  it('says why a customer was left out: no router, deactivated, not isolated', async () => {
    const packageId = await createPackage(t.core, owner.token, 'Tanpa Router');
    const noRouter = (await ok(t.core, 'customers.create', customerInput(packageId, 2), owner.token)).id;
    const gone = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 3), routerId: null }, owner.token)).id;
    await ok(t.core, 'customers.deactivate', { id: gone }, owner.token);
    const result = await isolate([customerId, noRouter, gone]);
    expect(result.actions).toHaveLength(1);
    expect(result.skipped).toEqual([
      { customerId: noRouter, code: 'NO_ROUTER' },
      { customerId: gone, code: 'CUSTOMER_INACTIVE' },
    ]);
    expect((await ok(t.core, 'isolir.reconnect', { customerIds: [noRouter], reason: 'x' }, owner.token)).skipped).toEqual([
      { customerId: noRouter, code: 'NOT_ISOLATED' },
    ]);
  });

  it('lets only those who run the network isolate: finance may not', async () => {
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-keuangan' }, owner.token);
    const finance = (await ok(t.core, 'auth.login', { username: 'keuangan', password: 'rahasia-keuangan' })).token;
    const refused = await call(t.core, 'isolir.isolate', { customerIds: [customerId], reason: 'x' }, finance);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });

  it('tells the customer on WhatsApp once the router confirmed, not before', async () => {
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    await isolate();
    await t.core.bus.drain();
    const before = await ok(t.core, 'wa.logs.list', {}, owner.token);
    expect(before.items.filter((m) => m.templateKey === 'customer_isolated')).toHaveLength(0);
    await t.core.jobs.runDue();
    await t.core.bus.drain();
    const after = await ok(t.core, 'wa.logs.list', {}, owner.token);
    const sent = after.items.filter((m) => m.templateKey === 'customer_isolated');
    expect(sent).toHaveLength(1);
    // Rendered without billing's figures (no amount yet): those lines are left out, nothing fails.
    expect(sent[0]).toMatchObject({ errorCode: null });
    expect(sent[0]?.status).not.toBe('failed');
  });
});

describe('isolir on a router that is not set up for it', () => {
  let t: TestCore;

  afterEach(async () => {
    await t.cleanup();
  });

  it('fails the request with the reason instead of pretending it happened (a RADIUS router, no RADIUS database given)', async () => {
    t = createTestCore();
    const owner = await createOwner(t.core);
    const routerId = t.core.services.routers.create(owner.tenantId, {
      name: 'Pusat',
      host: '192.168.88.1',
      username: 'rrnet',
      password: 'x',
      isolirMethod: 'radius',
      radiusSecret: 'rahasia-radius',
    });
    const packageId = await createPackage(t.core, owner.token);
    const customerId = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId }, owner.token)).id;
    await ok(t.core, 'isolir.isolate', { customerIds: [customerId], reason: 'Tunggakan' }, owner.token);
    await t.core.jobs.runDue();
    expect((await ok(t.core, 'isolir.history', { customerId }, owner.token))[0]).toMatchObject({ status: 'failed', errorCode: 'ROUTER_NOT_SET_UP' });
    expect((await ok(t.core, 'customers.get', { id: customerId }, owner.token)).status).toBe('active');
  });
});
