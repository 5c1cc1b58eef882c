import type { Handlers, MethodsUnder } from '../../module-kit/index.js';
import type { Locale } from '../../../shared/domain/user.js';
import type { LandingStatus } from '../../../shared/domain/router-prepare.js';
import { translate } from '../../../shared/i18n/index.js';
import type { LandingService } from '../landing/landing-service.js';
import type { RouterPreparer } from './router-preparer.js';

type PrepareMethods = MethodsUnder<'routers.prepare.'> | MethodsUnder<'routers.landing.'>;

/** The page's state with its problem in the caller's words. */
function landingStatus(landing: LandingService, tenantId: string, locale: Locale): LandingStatus {
  const { problem, ...status } = landing.status(tenantId);
  return { ...status, problem: problem === null ? null : translate(locale, `landingProblems.${problem}`) };
}

export const prepareHandlers = (preparer: RouterPreparer, landing: LandingService): Pick<Handlers, PrepareMethods> => ({
  'routers.prepare.plan': ({ id }, ctx) => preparer.plan(ctx.caller.tenantId, id, ctx.locale),
  'routers.prepare.apply': ({ id }, ctx) => preparer.apply(ctx.caller.tenantId, id, ctx.locale),
  'routers.landing.get': (_input, ctx) => landingStatus(landing, ctx.caller.tenantId, ctx.locale),
  'routers.landing.update': async (input, ctx) => {
    await landing.update(ctx.caller.tenantId, input);
    return landingStatus(landing, ctx.caller.tenantId, ctx.locale);
  },
});
