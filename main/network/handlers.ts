import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { RouterChecks } from './router-checks.js';
import type { RoutersService } from './routers-service.js';

export const networkHandlers = (routers: RoutersService, checks: RouterChecks): Pick<Handlers, MethodsUnder<'routers.'>> => ({
  'routers.list': (_input, ctx) => routers.list(ctx.caller.tenantId),
  'routers.get': ({ id }, ctx) => routers.get(ctx.caller.tenantId, id),
  'routers.create': (input, ctx) => routers.get(ctx.caller.tenantId, routers.create(ctx.caller.tenantId, input, ctx.claimLimit)),
  'routers.update': (input, ctx) => {
    routers.update(ctx.caller.tenantId, input);
    return routers.get(ctx.caller.tenantId, input.id);
  },
  'routers.remove': ({ id }, ctx) => {
    routers.remove(ctx.caller.tenantId, id);
    return { id };
  },
  'routers.test': (input, ctx) => checks.test(ctx.caller.tenantId, input, ctx.locale),
  'routers.health': ({ id }, ctx) => checks.health(ctx.caller.tenantId, id, ctx.locale),
});
