import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';
import { Failure, conflict, notFound } from '../../platform/index.js';
import { toMessageView } from '../../wa/index.js';
import type { WaModule } from '../../wa/index.js';
import type { Locale } from '../../../shared/domain/user.js';
import { hasTranslation, translate } from '../../../shared/i18n/index.js';

type WaMethods = Extract<keyof Handlers, `wa.${string}`>;

async function sessionView(wa: WaModule, tenantId: string, locale: Locale) {
  const settings = wa.settings.resolved(tenantId);
  const base = { provider: settings.provider, suspended: settings.suspended };
  if (settings.provider !== 'wwebjs') {
    const status = await wa.providers.get(tenantId, settings.provider).status();
    return { ...base, state: status.state, detail: status.detail, qr: status.qr };
  }
  const status = await wa.providers.session(tenantId).status();
  // Known states explain themselves in the user's language; an unknown whatsapp-web.js reason shows as it came.
  const detail = status.problem
    ? translate(locale, status.problem.messageKey, status.problem.params)
    : status.detail && hasTranslation(`waWwebjs.${status.detail}`)
      ? translate(locale, `waWwebjs.${status.detail}`)
      : status.detail;
  return { ...base, state: status.state, detail, qr: status.qr };
}

export const waHandlers = (s: Services): Pick<Handlers, WaMethods> => ({
  'wa.settings.get': (_input, ctx) => s.wa.settings.view(ctx.caller.tenantId),
  'wa.settings.update': async (input, ctx) => {
    const tenantId = ctx.caller.tenantId;
    const before = s.wa.settings.resolved(tenantId);
    const view = s.wa.settings.update(tenantId, input);
    await s.wa.providers.settingsChanged(tenantId, input.browserPath !== undefined && input.browserPath !== before.browserPath);
    return view;
  },
  'wa.session.status': (_input, ctx) => sessionView(s.wa, ctx.caller.tenantId, ctx.locale),
  'wa.session.start': async (_input, ctx) => {
    const tenantId = ctx.caller.tenantId;
    if (s.wa.settings.resolved(tenantId).provider !== 'wwebjs') throw new Failure('VALIDATION_FAILED', {}, { provider: 'wa.notWwebjs' });
    await s.wa.providers.session(tenantId).start();
    return sessionView(s.wa, tenantId, ctx.locale);
  },
  'wa.session.logout': async (_input, ctx) => {
    const tenantId = ctx.caller.tenantId;
    if (s.wa.providers.hasSession(tenantId)) await s.wa.providers.session(tenantId).logout();
    return sessionView(s.wa, tenantId, ctx.locale);
  },
  'wa.testSend': ({ to }, ctx) => ({ messageId: s.wa.sendTest(ctx.caller.tenantId, to) }),
  'wa.templates.list': (_input, ctx) => s.wa.templates.list(ctx.caller.tenantId),
  'wa.templates.save': ({ key, content }, ctx) =>
    s.wa.templates.save(ctx.caller.tenantId, key, content, s.wa.settings.resolved(ctx.caller.tenantId).maxLength),
  'wa.templates.reset': ({ key }, ctx) => s.wa.templates.reset(ctx.caller.tenantId, key),
  'wa.templates.preview': ({ key, content }, ctx) =>
    s.wa.templates.preview(ctx.caller.tenantId, key, content, s.wa.settings.resolved(ctx.caller.tenantId).maxLength, ctx.locale),
  'wa.broadcast.create': (input, ctx) => s.wa.broadcasts.create(ctx.caller.tenantId, { ...input, createdBy: ctx.caller.user.id }),
  'wa.broadcast.list': (_input, ctx) => s.wa.broadcasts.list(ctx.caller.tenantId),
  'wa.broadcast.cancel': ({ id }, ctx) => s.wa.broadcasts.cancel(ctx.caller.tenantId, id),
  'wa.logs.list': (query, ctx) => {
    const page = s.wa.messages.list(ctx.caller.tenantId, query);
    return { items: page.items.map(toMessageView), nextCursor: page.nextCursor };
  },
  'wa.failures.list': (_input, ctx) => s.wa.messages.failures(ctx.caller.tenantId).map(toMessageView),
  'wa.failures.retry': ({ messageId }, ctx) => {
    const row = s.wa.messages.get(messageId);
    if (!row || row.tenant_id !== ctx.caller.tenantId) throw notFound();
    if (!s.wa.retryFailed(ctx.caller.tenantId, messageId)) throw conflict('messageId', 'validation.invalid');
    const updated = s.wa.messages.get(messageId);
    if (!updated) throw notFound();
    return toMessageView(updated);
  },
  'wa.optOut.set': ({ phone, optedOut, reason }, ctx) => {
    s.wa.optOuts.set(ctx.caller.tenantId, phone, optedOut, reason);
    return { phone, optedOut };
  },
  'wa.optOut.list': (_input, ctx) => s.wa.optOuts.list(ctx.caller.tenantId),
  'wa.metrics': (_input, ctx) => s.wa.metrics(ctx.caller.tenantId),
});
