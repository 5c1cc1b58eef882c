import type { ExecutorFailure } from './executor.js';

/**
 * Why an isolir step did not happen, as stable codes, and whether it may clear up by itself (the
 * job retries it) or needs a person. The operator's words for each (what to check on the router,
 * never the protocol's jargon) are the screens' `isolir.error_<CODE>`; the technical particulars go
 * in `detail`.
 */
export const EXECUTOR_FAILURES = {
  // RADIUS
  NAS_UNREACHABLE: { retryable: true },
  NAS_NOT_LISTENING: { retryable: true },
  NAS_NO_ANSWER: { retryable: true },
  NAS_WRONG_SECRET: { retryable: false },
  NAS_REFUSED: { retryable: false },
  NAS_BUSY: { retryable: true },
  RADIUS_GROUP_MISSING: { retryable: false },
  RADIUS_DB_UNAVAILABLE: { retryable: true },
  // RouterOS API (the network module's RouterError codes)
  UNREACHABLE: { retryable: true },
  TIMEOUT: { retryable: true },
  AUTH_FAILED: { retryable: false },
  API_DISABLED: { retryable: false },
  NOT_ALLOWED: { retryable: false },
  NO_WRITE_RIGHTS: { retryable: false },
  COMMAND_FAILED: { retryable: false },
  /** The customer's PPP secret / hotspot user is not on the router (provisioning puts it there). */
  ACCOUNT_MISSING: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

export type ExecutorFailureCode = keyof typeof EXECUTOR_FAILURES;

export function executorFailure(code: ExecutorFailureCode, detail: string): ExecutorFailure {
  return { code, retryable: EXECUTOR_FAILURES[code].retryable, detail };
}
