import type { ErrorCode } from '../../shared/contract/errors.js';

/** HTTP status per error code, so curl users and proxies see what kind of failure it was. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  FEATURE_DISABLED: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  ROUTER_IN_USE: 409,
  LIMIT_EXCEEDED: 409,
  SETUP_DONE: 409,
  BUSY: 503,
  TENANT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
};
