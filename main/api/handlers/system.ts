import { notFound } from '../../platform/index.js';
import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const systemHandlers = (s: Services): Pick<Handlers, 'system.deadLetters.list' | 'system.deadLetters.retry'> => ({
  'system.deadLetters.list': (_input, ctx) => s.deadLetters.list(ctx.caller.tenantId),
  'system.deadLetters.retry': async (input, ctx) => {
    const outcome = await s.deadLetters.retry(ctx.caller.tenantId, input.id);
    if (!outcome) throw notFound();
    return outcome;
  },
});
