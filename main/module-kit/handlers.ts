import type { contract, MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract/index.js';
import type { Locale } from '../../shared/domain/user.js';
import type { User } from '../../shared/domain/user.js';

/** Who is calling: the accounts module answers it from a session, the dispatcher hands it to handlers. */
export interface Caller {
  user: User;
  tenantId: string;
}

export interface HandlerContext {
  /** Null only for public methods. */
  caller: Caller | null;
  session: string | null;
  locale: Locale;
  /** Where the call comes from, set by the transport (never by the page): the sign-in throttle counts per source. */
  source: string;
}

export interface AuthedContext extends HandlerContext {
  caller: Caller;
  session: string;
}

type Contract = typeof contract;
type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: Contract[M]['roles'] extends 'public' ? HandlerContext : AuthedContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** One handler per contract method; the composed core's handlers must cover them all (the compiler checks). */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The contract methods whose names start with `prefix` (`wa.`, `customers.` ...). */
export type MethodsUnder<P extends string> = Extract<MethodName, `${P}${string}`>;
