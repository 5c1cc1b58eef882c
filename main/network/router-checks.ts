import { Failure } from '../platform/index.js';
import { translate } from '../../shared/i18n/index.js';
import type { Locale } from '../../shared/domain/user.js';
import type { RouterHealth, RouterProblem, RouterTestInput, RouterTestResult } from '../../shared/domain/router.js';
import type { ProbeProblem, RouterProbe, RouterTarget } from './router-probe.js';
import { defaultApiPort, type RoutersService } from './routers-service.js';

/**
 * "Tes koneksi" and the health panel: the probe answers with a classified code, this says it in the
 * caller's language with what to do, and keeps what a router said it is (version, identity, when).
 */
export class RouterChecks {
  constructor(
    private readonly routers: RoutersService,
    private readonly probe: RouterProbe,
  ) {}

  async test(tenantId: string, input: RouterTestInput, locale: Locale): Promise<RouterTestResult> {
    const saved = input.id === null ? null : this.routers.target(tenantId, input.id);
    const target = tryTarget(input, saved);
    const answer = await this.probe.test(target);
    // Only the router as saved: a test of other values in the edit form says nothing about it yet.
    if (input.id !== null && saved !== null && sameRouter(target, saved) && answer.identity !== null) {
      this.routers.recordDetected(tenantId, input.id, answer);
    }
    return { ...answer, problem: say(answer.problem, locale) };
  }

  async health(tenantId: string, id: string, locale: Locale): Promise<RouterHealth> {
    const answer = await this.probe.health(this.routers.target(tenantId, id));
    if (answer.identity !== null || answer.version !== null) this.routers.recordDetected(tenantId, id, answer);
    return { ...answer, problem: say(answer.problem, locale) };
  }
}

/** The values to try: what was sent, over the saved router's (an empty password keeps the saved one). */
function tryTarget(input: RouterTestInput, saved: RouterTarget | null): RouterTarget {
  const tls = input.tls ?? saved?.tls ?? false;
  const target = {
    host: input.host ?? saved?.host,
    port: input.apiPort === undefined ? saved?.port : (input.apiPort ?? defaultApiPort(tls)),
    tls,
    username: input.username ?? saved?.username,
    password: input.password || saved?.password,
  };
  const missing = (['host', 'username', 'password'] as const).filter((k) => !target[k]);
  if (missing.length > 0) throw new Failure('VALIDATION_FAILED', {}, Object.fromEntries(missing.map((k) => [k, 'validation.required'])));
  return { host: target.host ?? '', port: target.port ?? defaultApiPort(tls), tls, username: target.username ?? '', password: target.password ?? '' };
}

const sameRouter = (a: RouterTarget, b: RouterTarget): boolean => a.host === b.host && a.port === b.port && a.tls === b.tls;

function say(problem: ProbeProblem | null, locale: Locale): RouterProblem | null {
  if (problem === null) return null;
  return { code: problem.code, message: translate(locale, `routerProbe.${problem.code}`, { detail: problem.detail ?? '' }) };
}
