import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { WaModule } from './wa-face.js';

export const waHandlers = (wa: WaModule): Pick<Handlers, MethodsUnder<'wa.'>> => ({
  'wa.settings.get': (_input, ctx) => wa.settings.view(ctx.caller.tenantId),
  'wa.settings.update': (input, ctx) => wa.session.update(ctx.caller.tenantId, input, ctx.caller.user.role),
  'wa.session.status': (_input, ctx) => wa.session.view(ctx.caller.tenantId, ctx.locale),
  'wa.session.start': (_input, ctx) => wa.session.start(ctx.caller.tenantId, ctx.locale),
  'wa.session.logout': (_input, ctx) => wa.session.logout(ctx.caller.tenantId, ctx.locale),
  'wa.testSend': ({ to }, ctx) => ({ messageId: wa.sendTest(ctx.caller.tenantId, to) }),
  'wa.templates.list': (_input, ctx) => wa.templates.list(ctx.caller.tenantId),
  'wa.templates.save': ({ key, content }, ctx) =>
    wa.templates.save(ctx.caller.tenantId, key, content, wa.settings.resolved(ctx.caller.tenantId).maxLength),
  'wa.templates.reset': ({ key }, ctx) => wa.templates.reset(ctx.caller.tenantId, key),
  'wa.templates.preview': ({ key, content }, ctx) =>
    wa.templates.preview(ctx.caller.tenantId, key, content, wa.settings.resolved(ctx.caller.tenantId).maxLength, ctx.locale),
  'wa.broadcast.create': (input, ctx) => wa.broadcasts.create(ctx.caller.tenantId, { ...input, createdBy: ctx.caller.user.id }),
  'wa.broadcast.preview': (draft, ctx) => wa.broadcasts.preview(ctx.caller.tenantId, draft, wa.settings.resolved(ctx.caller.tenantId).maxLength),
  'wa.broadcast.list': (_input, ctx) => wa.broadcasts.list(ctx.caller.tenantId),
  'wa.broadcast.cancel': ({ id }, ctx) => wa.broadcasts.cancel(ctx.caller.tenantId, id),
  'wa.logs.list': (query, ctx) => wa.logs(ctx.caller.tenantId, query),
  'wa.failures.list': (page, ctx) => wa.failures(ctx.caller.tenantId, page),
  'wa.failures.retryAll': (_input, ctx) => wa.retryAllFailed(ctx.caller.tenantId),
  'wa.failures.retry': ({ messageId }, ctx) => wa.retryFailed(ctx.caller.tenantId, messageId),
  'wa.optOut.set': ({ phone, optedOut, reason }, ctx) => {
    wa.optOuts.set(ctx.caller.tenantId, phone, optedOut, reason);
    return { phone, optedOut };
  },
  'wa.optOut.list': (_input, ctx) => wa.optOuts.list(ctx.caller.tenantId),
  'wa.metrics': (_input, ctx) => wa.metrics(ctx.caller.tenantId),
});
