import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { PLAN_SPECS } from '../../shared/domain/plans.js';

/** The basic plan: 3 users, 300 customers. Every counted limit is raced with parallel calls. */
const USERS = PLAN_SPECS.basic.limits.maxUsers;
const CUSTOMERS = PLAN_SPECS.basic.limits.maxCustomers;

describe('plan limits under parallel calls', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  const activeUsers = () => t.core.db.prepare('SELECT COUNT(*) FROM users WHERE active = 1').pluck().get();
  const newUser = (i: number) => ({ username: `staf${i}`, displayName: `Staf ${i}`, role: 'admin' as const, password: 'rahasia-staf' });

  it('30 parallel users.create fill the plan exactly and refuse the rest with LIMIT_EXCEEDED', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => call(t.core, 'users.create', newUser(i), owner.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(USERS - 1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(30 - (USERS - 1)).fill('LIMIT_EXCEEDED'));
    expect(activeUsers()).toBe(USERS);
  });

  it('bringing deactivated users back takes a slot each, also in parallel', async () => {
    const created = [];
    for (let i = 0; i < USERS - 1; i++) created.push(await ok(t.core, 'users.create', newUser(i), owner.token));
    for (const user of created) await ok(t.core, 'users.update', { id: user.id, active: false }, owner.token);
    for (let i = 10; i < 10 + USERS - 2; i++) await ok(t.core, 'users.create', newUser(i), owner.token);
    // One slot is free; both deactivated users ask for it at once.
    const results = await Promise.all(created.map((user) => call(t.core, 'users.update', { id: user.id, active: true }, owner.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'LIMIT_EXCEEDED' } });
    expect(activeUsers()).toBe(USERS);
  });

  it('30 parallel routers.create fill the plan plus add-ons exactly, whatever their names', async () => {
    // Basic: one router; two "extra_router" units make three.
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [{ code: 'extra_router', units: 2 }], status: 'active' });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(t.core, 'routers.create', { name: `RB ${i}`, host: `10.0.0.${i + 1}`, username: 'api', password: 'rahasia' }, owner.token),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'LIMIT_EXCEEDED')).toBe(true);
    expect(t.core.services.routers.count(owner.tenantId)).toBe(3);
  });

  // customers.create and .reactivate have no await between the dispatcher's check and the insert
  // today, so these pass on the old code too: they hold the line for when one gets an await (a
  // geocode, a router call) and check the count now taken inside the insert's own transaction.
  describe('customers', () => {
    let packageId: string;
    const billable = () => t.core.services.customers.countBillable(owner.tenantId);

    beforeEach(async () => {
      packageId = await createPackage(t.core, owner.token);
      for (let i = 0; i < CUSTOMERS - 5; i++) t.core.services.customers.create(owner.tenantId, { ...fullInput(packageId, i) });
    });

    it('30 parallel customers.create take the last 5 slots and no more', async () => {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => call(t.core, 'customers.create', customerInput(packageId, 1000 + i), owner.token)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'LIMIT_EXCEEDED')).toBe(true);
      expect(billable()).toBe(CUSTOMERS);
    });

    it('parallel customers.reactivate take only the free slots', async () => {
      const ids = (t.core.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 10').pluck().all() as string[]);
      for (const id of ids) t.core.services.customers.deactivate(owner.tenantId, id);
      for (let i = 0; i < 12; i++) await ok(t.core, 'customers.create', customerInput(packageId, 2000 + i), owner.token);
      const results = await Promise.all(ids.map((id) => call(t.core, 'customers.reactivate', { id }, owner.token)));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(billable()).toBe(CUSTOMERS);
    });
  });
});

/** The service takes every field (the contract fills the defaults). */
function fullInput(packageId: string, n: number) {
  return { address: '', latitude: null, longitude: null, routerId: null, serviceType: 'pppoe' as const, notes: '', ...customerInput(packageId, n) };
}
