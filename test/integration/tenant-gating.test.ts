import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../main/api/index.js';
import { UsageRegistry } from '../../main/module-kit/index.js';
import { TenantService, type TenantAccess } from '../../main/tenant/index.js';
import { silentLogger } from '../../main/platform/index.js';
import { contract, METHOD_NAMES } from '../../shared/contract/index.js';
import { call, createOwner, createTestCore, ok, sequentialIds, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

describe('tenant gating (plan limits, SaaS lock, features)', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let packageId: string;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    packageId = await createPackage(t.core, owner.token);
  });
  afterEach(() => t.cleanup());

  /** Fills the tenant with n customers through the service: limits are only the dispatcher's business. */
  const fill = (n: number) =>
    t.core.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        t.core.services.customers.create(owner.tenantId, contract['customers.create'].input.parse(customerInput(packageId, i)));
      }
    })();

  describe('LIMIT_EXCEEDED (basic: 300 customers)', () => {
    it('the 301st customer is refused, and a deactivation frees a slot', async () => {
      fill(299);
      const last = await call(t.core, 'customers.create', customerInput(packageId, 299), owner.token);
      expect(last.ok).toBe(true);

      const over = await call(t.core, 'customers.create', customerInput(packageId, 300), owner.token, 'en');
      expect(over).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
      expect(!over.ok && over.error.message).toContain('300');
      expect(t.core.services.customers.countBillable(owner.tenantId)).toBe(300);

      if (!last.ok) return;
      await ok(t.core, 'customers.deactivate', { id: last.data.id }, owner.token);
      expect((await call(t.core, 'customers.create', customerInput(packageId, 300), owner.token)).ok).toBe(true);
    });

    it('reactivating a customer at the limit is refused too', async () => {
      fill(300);
      const page = await ok(t.core, 'customers.list', { limit: 1 }, owner.token);
      const first = page.items[0]!;
      await ok(t.core, 'customers.deactivate', { id: first.id }, owner.token);
      await ok(t.core, 'customers.create', customerInput(packageId, 1_000), owner.token);
      expect(await call(t.core, 'customers.reactivate', { id: first.id }, owner.token)).toMatchObject({ error: { code: 'LIMIT_EXCEEDED' } });
    });

    it('an extra_customers add-on raises the limit', async () => {
      fill(300);
      expect(await call(t.core, 'customers.create', customerInput(packageId, 300), owner.token)).toMatchObject({ error: { code: 'LIMIT_EXCEEDED' } });
      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [{ code: 'extra_customers', units: 1 }], status: 'active' });
      expect((await ok(t.core, 'tenant.get', {}, owner.token)).limits.maxCustomers).toBe(400);
      expect((await call(t.core, 'customers.create', customerInput(packageId, 300), owner.token)).ok).toBe(true);
    });

    it('tenant.get reports usage against limits', async () => {
      fill(12);
      const tenant = await ok(t.core, 'tenant.get', {}, owner.token);
      expect(tenant.usage).toMatchObject({ maxCustomers: 12, maxUsers: 1, maxRouters: 0 });
      expect(tenant.limits).toMatchObject({ maxCustomers: 300, maxUsers: 3 });
    });
  });

  describe('TENANT_LOCKED (subscription isolated)', () => {
    beforeEach(() => {
      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [], status: 'isolated' });
    });

    it('refuses every write method and changes nothing', async () => {
      const writes = METHOD_NAMES.filter((m) => contract[m].access === 'write' && contract[m].roles !== 'public');
      expect(writes.length).toBeGreaterThan(3);
      const changeLogBefore = t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get();
      // Every write method, so exempting one (or a whole module) from the lock fails here. The
      // lock is checked before the input, so an empty input reaches it for every method.
      for (const method of writes) {
        expect(await t.core.call(method, {}, { session: owner.token }), method).toMatchObject({ ok: false, error: { code: 'TENANT_LOCKED' } });
      }
      // And with inputs that would otherwise succeed:
      expect(await call(t.core, 'customers.create', customerInput(packageId, 1), owner.token)).toMatchObject({
        error: { code: 'TENANT_LOCKED', message: expect.stringContaining('langganan') },
      });
      expect(await call(t.core, 'packages.update', { id: packageId, price: 1 }, owner.token)).toMatchObject({ error: { code: 'TENANT_LOCKED' } });
      expect(await call(t.core, 'tenant.update', { name: 'x' }, owner.token)).toMatchObject({ error: { code: 'TENANT_LOCKED' } });
      expect(t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(changeLogBefore);
    });

    it('still serves reads, sign-in and sign-out', async () => {
      expect((await call(t.core, 'customers.list', {}, owner.token)).ok).toBe(true);
      expect((await call(t.core, 'packages.list', {}, owner.token)).ok).toBe(true);
      expect((await call(t.core, 'dashboard.summary', {}, owner.token)).ok).toBe(true);
      expect((await ok(t.core, 'tenant.get', {}, owner.token)).status).toBe('isolated');
      const token = (await ok(t.core, 'auth.login', { username: 'pemilik', password: 'rahasia-sekali' })).token;
      expect((await call(t.core, 'auth.logout', {}, token)).ok).toBe(true);
    });

    it('unlocks when the subscription is paid again', async () => {
      t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [], status: 'active' });
      expect((await call(t.core, 'customers.create', customerInput(packageId, 1), owner.token)).ok).toBe(true);
    });
  });

  describe('FEATURE_DISABLED', () => {
    /**
     * Every plan today includes 'customers', the only feature a method declares, so no real
     * subscription can switch a method off. This tenant service reports a subscription without it,
     * to exercise the dispatcher's check with the real contract and handlers.
     */
    class WithoutCustomersFeature extends TenantService {
      override access(tenantId: string): TenantAccess {
        const access = super.access(tenantId);
        return { ...access, features: access.features.filter((f) => f !== 'customers') };
      }
    }

    it('refuses a method whose feature the subscription lacks, and only those', async () => {
      const { core } = t;
      const tenants = new WithoutCustomersFeature(core.db, core.bus, t.clock, sequentialIds(t.clock), new UsageRegistry());
      const dispatcher = new Dispatcher(core.handlers, core.services.accounts, tenants, silentLogger);

      const list = await dispatcher.call('customers.list', {}, { session: owner.token, locale: 'en' });
      expect(list).toMatchObject({ ok: false, error: { code: 'FEATURE_DISABLED', message: expect.stringContaining('customers') } });
      expect(await dispatcher.call('packages.list', {}, { session: owner.token })).toMatchObject({ error: { code: 'FEATURE_DISABLED' } });
      expect((await dispatcher.call('dashboard.summary', {}, { session: owner.token })).ok).toBe(true);
      expect((await dispatcher.call('tenant.get', {}, { session: owner.token })).ok).toBe(true);
    });
  });
});
