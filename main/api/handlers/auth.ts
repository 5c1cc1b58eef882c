import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

type AuthMethods = 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.setLocale' | 'auth.changePassword';

export const authHandlers = (s: Services): Pick<Handlers, AuthMethods> => ({
  'auth.login': ({ username, password }) => s.accounts.login(username, password),
  'auth.logout': (_input, ctx) => {
    s.accounts.sessions.close(ctx.session);
    return {};
  },
  'auth.me': (_input, ctx) => ({ user: ctx.caller.user, tenant: s.tenants.get(ctx.caller.tenantId) }),
  'auth.setLocale': ({ locale }, ctx) => s.accounts.setLocale(ctx.caller.tenantId, ctx.caller.user.id, locale),
  'auth.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    await s.accounts.changePassword(ctx.caller.tenantId, ctx.caller.user.id, currentPassword, newPassword, ctx.session);
    return {};
  },
});
