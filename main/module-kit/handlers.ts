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
  /**
   * Refuses with LIMIT_EXCEEDED when the plan limit the method counts (its contract `consumes`) is
   * full; a no-op for other methods. Call it inside the transaction that adds the counted thing:
   * only there does the count hold under parallel calls.
   */
  claimLimit(): void;
}

/** claimLimit of a method that counts nothing, and of internal callers (seeders) that set their own plan. */
export const noLimit = (): void => undefined;

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
