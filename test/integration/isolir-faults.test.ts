import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTIONS, RouterOsApi } from '../../main/network/adapters/routeros/index.js';
import { routerExecutors } from '../../main/isolir/router-executors.js';
import { ZONE_OFFSET_MINUTES } from '../../shared/util/time.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { createOwner, createTestCore, login, ok, OWNER, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { startFonnteServer, type FonnteServer } from '../support/fonnte-server.js';
import { useFonnte } from '../support/wa-harness.js';

/**
 * Isolir when the router or the clock is against us, through the whole core to the RouterOS wire
 * server. The command timeout is cut to 400 ms (10 s in the app) so a silent router costs the test
 * less than a second per wave of commands; the executors are the app's own (routerExecutors) over
 * that API.
 */
const COMMAND_MS = 400;
const CUSTOMERS = 24;

describe('isolir faults', () => {
  let router: RouterOsServer;
  let fonnte: FonnteServer;
  let t: TestCore;
  let owner: OwnerSession;
  let api: RouterOsApi;

  beforeEach(async () => {
    router = await startRouterOsServer({ version: '7.18' });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    fonnte = await startFonnteServer();
    api = new RouterOsApi({ ...DEFAULT_CONNECTIONS, commandMs: COMMAND_MS, connectMs: COMMAND_MS, backoffBaseMs: 50, backoffMaxMs: 50 });
    // The core is made before its executors can ask it for routers: they look it up when a job runs.
    const executors = { forRouter: (tenantId: string, routerId: string) => routerExecutors(t.core.services.routers, api, () => null).forRouter(tenantId, routerId) };
    t = createTestCore({ isolir: { executors } });
    // No WhatsApp unless a test gives it: a notice waiting for its provider would keep the queue busy.
    owner = await createOwner(t.core);
  });

  afterEach(async () => {
    await t.cleanup();
    await api.close();
    await router.close();
    await fonnte.close();
  });

  async function customers(n: number): Promise<string[]> {
    const routerId = (await ok(t.core, 'routers.create', { name: 'Pusat', host: router.host, apiPort: router.port, username: 'admin', password: 'rahasia' }, owner.token)).id;
    const packageId = await createPackage(t.core, owner.token);
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      router.seed('/ppp/secret', [{ name: `pelanggan.${i}`, password: 'x', profile: 'hemat-10m', service: 'pppoe' }]);
      router.seed('/ppp/active', [{ name: `pelanggan.${i}`, address: `10.10.0.${i}` }]);
      ids.push((await ok(t.core, 'customers.create', { ...customerInput(packageId, i), routerId }, owner.token)).id);
    }
    // Provisioning adopts each account first (over the core's own connection, with the app's 10 s
    // timeouts): done before the router goes silent, so only isolir meets the silence.
    await t.core.bus.drain();
    await t.core.jobs.runDue();
    return ids;
  }

  const isolate = (ids: string[]) => ok(t.core, 'isolir.isolate', { customerIds: ids, reason: 'Tunggakan' }, owner.token);
  const view = (v: 'pending' | 'isolated') => ok(t.core, 'isolir.list', { view: v, limit: 100 }, owner.token);
  const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await ok(t.core, 'customers.get', { id }, owner.token)).status));
  /** Profile changes the router received for each customer (ids[i] is pelanggan.<i+1>). */
  const setsPer = (ids: string[]) =>
    ids.map((_, i) => router.received.filter((c) => c.words[0] === '/ppp/secret/set' && c.words.includes(`=numbers=pelanggan.${i + 1}`)).length);
  /** The pinned clock jumps hours: the owner signs in again, as the office would. */
  async function at(time: number) {
    t.clock.set(time);
    owner = { ...owner, token: await login(t.core, OWNER.username, OWNER.password) };
  }

  /** The queue's work, or a failure saying it hung (the test's own timeout would only say "timed out"). */
  async function runDueWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the isolir run still had not finished after ${ms} ms: it hangs`)), ms);
    });
    try {
      await Promise.race([t.core.jobs.runDue(), hung]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('a router that goes silent mid-run: the run ends, the rest wait with the reason, and apply once it answers again', { timeout: 30_000 }, async () => {
    const ids = await customers(CUSTOMERS);
    await isolate(ids);
    const run = runDueWithin(15_000);
    // Some isolations go through, then the router stops answering anything.
    while (router.received.filter((c) => c.words[0] === '/ppp/active/remove').length < 4) await new Promise((resolve) => setTimeout(resolve, 1));
    router.failNext(1_000_000, 'silent');
    await run;

    const pending = (await view('pending')).items;
    const isolated = (await view('isolated')).items;
    expect(pending.length).toBeGreaterThan(0);
    expect(isolated.length + pending.length).toBe(CUSTOMERS);
    // Shown as waiting, with the reason; never as isolated while the router has not confirmed.
    expect(pending.every((a) => a.errorCode === 'TIMEOUT' && a.attempts >= 1)).toBe(true);
    const waitingCustomers = new Set(pending.map((a) => a.customerId));
    const before = await statuses(ids);
    ids.forEach((id, i) => expect(before[i]).toBe(waitingCustomers.has(id) ? 'active' : 'isolated'));
    const customerPage = await ok(t.core, 'isolir.history', { customerId: pending[0]?.customerId ?? '' }, owner.token);
    expect(customerPage[0]).toMatchObject({ status: 'pending', errorCode: 'TIMEOUT' });

    const setsBefore = setsPer(ids);
    router.clearCommandFaults();
    // Past the connection's backoff (real time), then the jobs' (the test's clock).
    await new Promise((resolve) => setTimeout(resolve, 100));
    t.clock.advance(5 * 60_000);
    await runDueWithin(15_000);
    expect((await view('isolated')).items).toHaveLength(CUSTOMERS);
    expect(await statuses(ids)).toEqual(ids.map(() => 'isolated'));
    expect(router.table('/ppp/secret').every((s) => s.profile === 'isolir')).toBe(true);
    expect(router.table('/ppp/active')).toHaveLength(0);
    // Confirmed before the silence: not sent again; the others once more, after the router answered.
    const setsAfter = setsPer(ids);
    ids.forEach((id, i) => expect(setsAfter[i]).toBe((setsBefore[i] ?? 0) + (waitingCustomers.has(id) ? 1 : 0)));
    for (const id of ids) expect(await ok(t.core, 'isolir.history', { customerId: id }, owner.token)).toHaveLength(1);
  });

  it('the WhatsApp notice of an isolation confirmed in quiet hours is held until morning, not dropped', async () => {
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    await useFonnte(t.core, owner, fonnte.url, { quietHours: { start: '21:00', end: '07:00' }, enabledEvents: ['customer_isolated'] });
    const [id] = (await customers(1)) as [string];
    const wib = (day: number, hh: number, mm = 0) => Date.UTC(2026, 0, day, hh, mm - ZONE_OFFSET_MINUTES['Asia/Jakarta']);
    await at(wib(5, 22, 30));
    await isolate([id]);
    await t.core.jobs.runDue();
    await t.core.bus.drain();
    await t.core.jobs.runDue();
    expect(router.table('/ppp/secret')[0]?.profile).toBe('isolir');

    const notices = async () => (await ok(t.core, 'wa.logs.list', {}, owner.token)).items.filter((m) => m.templateKey === 'customer_isolated');
    const [held] = await notices();
    expect(held).toMatchObject({ status: 'queued', heldUntil: new Date(wib(6, 7)).toISOString() });
    expect(fonnte.received).toHaveLength(0);

    await at(wib(6, 7));
    await t.core.jobs.runDue();
    expect((await notices()).map((m) => m.status)).toEqual(['sent']);
    expect(fonnte.received.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
  });
});
