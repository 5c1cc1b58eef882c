import type { Handlers } from '../module-kit/index.js';
import type { IsolirService } from './isolir-service.js';

type IsolirMethods = 'isolir.isolate' | 'isolir.reconnect' | 'isolir.list' | 'isolir.history' | 'isolir.retry';

export const isolirHandlers = (isolir: IsolirService): Pick<Handlers, IsolirMethods> => ({
  'isolir.isolate': (input, ctx) =>
    isolir.request(ctx.caller.tenantId, { kind: 'isolate', ...input, source: 'manual', requestedBy: ctx.caller.user.displayName }),
  'isolir.reconnect': (input, ctx) =>
    isolir.request(ctx.caller.tenantId, { kind: 'reconnect', ...input, source: 'manual', requestedBy: ctx.caller.user.displayName }),
  'isolir.list': (input, ctx) => isolir.list(ctx.caller.tenantId, input.view, input),
  'isolir.history': (input, ctx) => isolir.history(ctx.caller.tenantId, input.customerId),
  'isolir.retry': (input, ctx) => isolir.retry(ctx.caller.tenantId, input.id),
});
