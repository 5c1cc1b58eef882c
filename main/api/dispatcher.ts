import { contract, isMethodName, type MethodDef, type MethodName } from '../../shared/contract/index.js';
import type { AppError, CallResult, ErrorCode } from '../../shared/contract/errors.js';
import type { Locale } from '../../shared/domain/user.js';
import { translate } from '../../shared/i18n/index.js';
import type { AccountsService } from '../accounts/index.js';
import { noLimit, type Caller, type HandlerContext, type Handlers } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { Failure, type FieldError, type Logger } from '../platform/index.js';
import { fieldErrorKeys } from '../../shared/contract/validation-errors.js';

export interface CallMeta {
  session?: string | null;
  locale?: Locale;
  /** Set by the transport from what it knows (web mode: the client's address); the desktop window is the default. */
  source?: string;
}

const DEFAULT_SOURCE = 'desktop';

/**
 * The single door into the core: every transport (Electron IPC, web mode, tests) calls this.
 * Order matters: who you are, whether a locked subscription still allows this kind of call, what
 * you sent, whether the plan allows it, then the work.
 * Whatever happens, the caller gets a value and the core keeps running.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly accounts: AccountsService,
    private readonly tenants: TenantService,
    private readonly log: Logger,
  ) {}

  async call(method: unknown, input: unknown, meta?: CallMeta | null): Promise<CallResult<unknown>> {
    const locale: Locale = meta?.locale === 'en' ? 'en' : 'id';
    try {
      if (!isMethodName(method)) throw new Failure('UNKNOWN_METHOD', { method: describeMethod(method) });
      const def = contract[method];
      const session = typeof meta?.session === 'string' && meta.session.length > 0 ? meta.session : null;
      const caller = def.roles === 'public' ? null : this.authenticate(session, def.roles);
      // A locked tenant's write is refused whatever it carries: no form to correct first.
      if (caller && def.access === 'write' && this.tenants.access(caller.tenantId).status === 'isolated') throw new Failure('TENANT_LOCKED');
      // reportInput lets fieldErrorKeys tell a wrong-typed field from a missing one.
      const parsed = def.input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) throw new Failure('VALIDATION_FAILED', {}, fieldErrorKeys(parsed.error));
      if (caller) this.checkSubscription(method, caller.tenantId);
      const handler = this.handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
      const source = typeof meta?.source === 'string' && meta.source.length > 0 ? meta.source.slice(0, 100) : DEFAULT_SOURCE;
      const consumes = def.consumes;
      const claimLimit = caller && consumes ? () => this.tenants.ensureRoom(consumes, caller.tenantId) : noLimit;
      const output = await handler(parsed.data, { caller, session, locale, source, claimLimit });
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        this.log.error('handler returned data outside its contract', { method, issues: checked.error.issues.slice(0, 3) });
        throw new Failure('INTERNAL');
      }
      return { ok: true, data: checked.data };
    } catch (err) {
      return { ok: false, error: this.toError(err, locale, method) };
    }
  }

  private authenticate(session: string | null, roles: readonly string[]): Caller {
    const caller = session ? this.accounts.caller(session) : null;
    if (!caller) throw new Failure('UNAUTHENTICATED');
    if (!roles.includes(caller.user.role)) throw new Failure('FORBIDDEN');
    return caller;
  }

  /** Plan features and limits (like the SaaS lock above) are declared per method and checked here first. */
  private checkSubscription(method: MethodName, tenantId: string): void {
    const def: MethodDef = contract[method];
    const access = this.tenants.access(tenantId);
    if (def.feature && !access.features.includes(def.feature)) throw new Failure('FEATURE_DISABLED', { feature: def.feature });
    // An early answer that spares a full plan a password hash; the service checks again inside the
    // transaction that adds the thing, which is what holds under parallel calls.
    if (def.consumes) this.tenants.ensureRoom(def.consumes, tenantId);
  }

  private toError(err: unknown, locale: Locale, method: unknown): AppError {
    if (err instanceof Failure) {
      const code: ErrorCode = err.code;
      const fields = err.fields
        ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, translateField(locale, v)]))
        : undefined;
      return { code, message: translate(locale, `errors.${code}`, err.params), ...(fields ? { fields } : {}) };
    }
    // Anything else is our bug: log it with the method, never leak internals to the screen.
    this.log.error('unexpected error in handler', { method: describeMethod(method), error: err instanceof Error ? err.stack : String(err) });
    return { code: 'INTERNAL', message: translate(locale, 'errors.INTERNAL') };
  }
}

function translateField(locale: Locale, error: FieldError): string {
  if (typeof error === 'string') return translate(locale, error);
  const list = Array.isArray(error) ? error : [error];
  return list.map((m) => translate(locale, m.key, m.params)).join('\n');
}

/**
 * A method name fit for a message or a log line. String() is not safe on whatever a transport hands
 * over: it throws for an object without a prototype and overflows the stack on a deeply nested array.
 */
function describeMethod(method: unknown): string {
  return typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
}
