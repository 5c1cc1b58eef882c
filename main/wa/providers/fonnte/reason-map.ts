import type { WaErrorCode } from '../provider.js';

export interface MappedFailure {
  code: WaErrorCode;
  retryable: boolean;
}

/**
 * Fonnte's `reason` strings (README.md lists where each one comes from). Fonnte answers refusals
 * with HTTP 200, so this table, not the HTTP status, decides what the dispatcher does next.
 */
const KNOWN_REASONS: Readonly<Record<string, MappedFailure>> = {
  'token invalid': { code: 'INVALID_TOKEN', retryable: false },
  'invalid token': { code: 'INVALID_TOKEN', retryable: false },
  'unknown user': { code: 'INVALID_TOKEN', retryable: false },
  'invalid device': { code: 'INVALID_TOKEN', retryable: false },
  'devices must belong to an account': { code: 'INVALID_TOKEN', retryable: false },
  // Retryable: the operator can rescan the QR; whether to wait or fail over is the dispatcher's call.
  'disconnected device': { code: 'DEVICE_DISCONNECTED', retryable: true },
  'insufficient quota': { code: 'PROVIDER_QUOTA', retryable: false },
  'target invalid': { code: 'INVALID_NUMBER', retryable: false },
  'target input invalid': { code: 'INVALID_NUMBER', retryable: false },
  // Our request itself is malformed: sending the same bytes again cannot succeed.
  'input invalid': { code: 'PROVIDER_ERROR', retryable: false },
  'json format invalid': { code: 'PROVIDER_ERROR', retryable: false },
  'invalid/empty body value': { code: 'PROVIDER_ERROR', retryable: false },
};

/** Fonnte's wording drifts between pages and versions; the subject of the sentence does not. */
const KEYWORDS: ReadonlyArray<readonly [RegExp, MappedFailure]> = [
  [/token/, { code: 'INVALID_TOKEN', retryable: false }],
  [/disconnect|not connected/, { code: 'DEVICE_DISCONNECTED', retryable: true }],
  [/quota/, { code: 'PROVIDER_QUOTA', retryable: false }],
  [/target|number/, { code: 'INVALID_NUMBER', retryable: false }],
];

const UNKNOWN: MappedFailure = { code: 'PROVIDER_ERROR', retryable: true };

export function mapFonnteReason(reason: string): MappedFailure {
  const key = reason.trim().toLowerCase();
  const known = KNOWN_REASONS[key];
  if (known) return known;
  const byKeyword = KEYWORDS.find(([pattern]) => pattern.test(key));
  return byKeyword ? byKeyword[1] : UNKNOWN;
}

/** Statuses that outrank the body: the request never reached Fonnte's own checks. */
export function mapOverridingStatus(status: number): MappedFailure | null {
  if (status === 429) return { code: 'RATE_LIMITED', retryable: true };
  if (status >= 500) return { code: 'PROVIDER_ERROR', retryable: true };
  return null;
}

/** A refusal without a `reason` to go on. 401/403 are not documented; a gateway in front may use them. */
export function mapBareStatus(status: number): MappedFailure {
  if (status === 401 || status === 403) return { code: 'INVALID_TOKEN', retryable: false };
  return UNKNOWN;
}
