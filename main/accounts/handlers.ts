import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import type { AccountsService } from './accounts-service.js';

export const accountHandlers = (accounts: AccountsService, tenants: TenantService): Pick<Handlers, MethodsUnder<'auth.' | 'users.'>> => ({
  'auth.login': ({ username, password }, ctx) => accounts.login(username, password, ctx.source),
  'auth.logout': (_input, ctx) => {
    accounts.sessions.close(ctx.session);
    return {};
  },
  'auth.me': (_input, ctx) => ({ user: ctx.caller.user, tenant: tenants.get(ctx.caller.tenantId) }),
  'auth.setLocale': ({ locale }, ctx) => accounts.setLocale(ctx.caller.tenantId, ctx.caller.user.id, locale),
  'auth.changePassword': async ({ currentPassword, newPassword }, ctx) => {
    await accounts.changePassword(ctx.caller.tenantId, ctx.caller.user.id, currentPassword, newPassword, ctx.session);
    return {};
  },
  'users.list': (_input, ctx) => accounts.list(ctx.caller.tenantId),
  'users.create': (input, ctx) => accounts.create(ctx.caller.tenantId, input, ctx.claimLimit),
  'users.update': (input, ctx) => accounts.update(ctx.caller.tenantId, input),
});
