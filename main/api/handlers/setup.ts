import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const setupHandlers = (s: Services): Pick<Handlers, 'setup.status' | 'setup.createOwner'> => ({
  'setup.status': () => ({ needsOwner: s.accounts.needsOwner() }),
  'setup.createOwner': async ({ demo, ...owner }) => {
    const session = await s.accounts.createOwner(owner);
    if (!demo) return session;
    s.demo.seed(session.tenant.id);
    return { ...session, tenant: s.tenants.get(session.tenant.id) };
  },
});
