import type { AccountsService } from '../accounts/index.js';
import type { DemoSeeder } from '../demo/index.js';
import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';

export interface SetupNeeds {
  accounts: AccountsService;
  tenants: TenantService;
  demo: DemoSeeder;
}

export const setupHandlers = (s: SetupNeeds): Pick<Handlers, MethodsUnder<'setup.'>> => ({
  'setup.status': () => ({ needsOwner: s.accounts.needsOwner() }),
  'setup.createOwner': async ({ demo, ...owner }) => {
    const session = await s.accounts.createOwner(owner);
    if (!demo) return session;
    s.demo.seed(session.tenant.id);
    return { ...session, tenant: s.tenants.get(session.tenant.id) };
  },
});
