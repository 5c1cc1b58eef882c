import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles.js';
import { id as idMessages } from '../../shared/i18n/id.js';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/** Each role gets the numbers its work needs: the core decides, whatever screen asks. */
describe('what each role sees of customers and the business', () => {
  let t: TestCore;
  let owner: OwnerSession;
  const tokens = new Map<Role, string>();

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    tokens.set('owner', owner.token);
    // Room for one user of every role.
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    const packageId = await createPackage(t.core, owner.token);
    for (const n of [1, 2, 3]) await ok(t.core, 'customers.create', customerInput(packageId, n, { name: `Warga ${n} Sokaraja` }), owner.token);
    for (const role of ['admin', 'finance', 'collector', 'technician'] as const) {
      await ok(t.core, 'users.create', { username: role, displayName: role, role, password: `${role}-rahasia` }, owner.token);
      tokens.set(role, await login(t.core, role, `${role}-rahasia`));
    }
  });
  afterEach(() => t.cleanup());

  const as = (role: Role) => tokens.get(role) ?? '';

  it('shows the monthly revenue and customers per package to the office only', async () => {
    for (const role of ['owner', 'admin', 'finance'] as const) {
      expect((await ok(t.core, 'dashboard.summary', {}, as(role))).monthlyRevenue, role).toBe(450_000);
      expect((await ok(t.core, 'packages.list', { includeInactive: false }, as(role)))[0]?.customerCount, role).toBe(3);
    }
    for (const role of ['collector', 'technician'] as const) {
      const summary = await ok(t.core, 'dashboard.summary', {}, as(role));
      expect(summary, role).toMatchObject({ monthlyRevenue: null, customers: { active: 3 } });
      const [pkg] = await ok(t.core, 'packages.list', { includeInactive: false }, as(role));
      expect(pkg, role).toMatchObject({ price: 150_000, customerCount: null });
    }
  });

  it('lets a collector find a customer by name, phone or code, but not page through everyone', async () => {
    const refused = await call(t.core, 'customers.list', {}, as('collector'));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: idMessages.errors.VALIDATION_FAILED, fields: { query: idMessages.validation.searchToFind } },
    });
    expect(await call(t.core, 'customers.list', { query: 'a', status: 'active' }, as('collector'))).toMatchObject({ ok: false });
    expect((await ok(t.core, 'customers.list', { query: 'Warga 2' }, as('collector'))).items.map((c) => c.name)).toEqual(['Warga 2 Sokaraja']);
    expect((await ok(t.core, 'customers.list', { query: 'C00003' }, as('collector'))).items.map((c) => c.code)).toEqual(['C00003']);
    for (const role of ['owner', 'admin', 'finance', 'technician'] as const) {
      expect((await ok(t.core, 'customers.list', {}, as(role))).total, role).toBe(3);
    }
  });
});
