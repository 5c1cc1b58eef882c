import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { SessionViews } from './session-views.js';

export const sessionHandlers = (views: SessionViews): Pick<Handlers, MethodsUnder<'sessions.'>> => ({
  'sessions.router': ({ routerId }, ctx) => views.router(ctx.caller.tenantId, routerId, ctx.locale),
  'sessions.customer': ({ customerId }, ctx) => views.customer(ctx.caller.tenantId, customerId, ctx.locale),
});
