import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import { notFound } from '../platform/index.js';
import type { DeadLetter } from '../../shared/contract/methods/system.js';

interface DeadLetters {
  list(tenantId: string): DeadLetter[];
  retry(tenantId: string, id: number): Promise<{ delivered: boolean; deadLetter: DeadLetter | null } | null>;
}

export const systemHandlers = (deadLetters: DeadLetters): Pick<Handlers, MethodsUnder<'system.'>> => ({
  'system.deadLetters.list': (_input, ctx) => deadLetters.list(ctx.caller.tenantId),
  'system.deadLetters.retry': async (input, ctx) => {
    const outcome = await deadLetters.retry(ctx.caller.tenantId, input.id);
    if (!outcome) throw notFound();
    return outcome;
  },
});
