import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const userHandlers = (s: Services): Pick<Handlers, 'users.list' | 'users.create' | 'users.update'> => ({
  'users.list': (_input, ctx) => s.accounts.list(ctx.caller.tenantId),
  'users.create': (input, ctx) => s.accounts.create(ctx.caller.tenantId, input),
  'users.update': (input, ctx) => s.accounts.update(ctx.caller.tenantId, input),
});
