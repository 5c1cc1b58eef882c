import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { IsolirService } from './isolir-service.js';
import { checkRadiusDatabase } from './radius-database/radius-database-check.js';
import type { RadiusDatabaseSettings } from './radius-database/radius-database-settings.js';

type IsolirMethods = 'isolir.isolate' | 'isolir.reconnect' | 'isolir.list' | 'isolir.history' | 'isolir.retry' | MethodsUnder<'isolir.radiusDb.'>;

export const isolirHandlers = (isolir: IsolirService, radiusDb: RadiusDatabaseSettings): Pick<Handlers, IsolirMethods> => ({
  'isolir.isolate': (input, ctx) =>
    isolir.request(ctx.caller.tenantId, { kind: 'isolate', ...input, source: 'manual', requestedBy: ctx.caller.user.displayName }),
  'isolir.reconnect': (input, ctx) =>
    isolir.request(ctx.caller.tenantId, { kind: 'reconnect', ...input, source: 'manual', requestedBy: ctx.caller.user.displayName }),
  'isolir.list': (input, ctx) => isolir.list(ctx.caller.tenantId, input.view, input),
  'isolir.history': (input, ctx) => isolir.history(ctx.caller.tenantId, input.customerId),
  'isolir.retry': (input, ctx) => isolir.retry(ctx.caller.tenantId, input.id),
  'isolir.radiusDb.get': (_input, ctx) => radiusDb.view(ctx.caller.tenantId),
  'isolir.radiusDb.update': (input, ctx) => radiusDb.update(ctx.caller.tenantId, input),
  'isolir.radiusDb.test': (input, ctx) => checkRadiusDatabase(radiusDb.configOf(ctx.caller.tenantId, input), ctx.locale),
});
