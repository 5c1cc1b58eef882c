import type { Handlers } from '../module-kit/index.js';
import type { RoutersService } from './routers-service.js';

export const networkHandlers = (routers: RoutersService): Pick<Handlers, 'routers.list'> => ({
  'routers.list': (_input, ctx) => routers.list(ctx.caller.tenantId),
});
