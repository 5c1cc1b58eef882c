/**
 * Why a router command failed, as a stable code. Each has a plain id/en text under
 * `routeros.<CODE>` in shared/i18n; `detail` keeps the technical words for the log and support.
 */
export const ROUTER_ERROR_CODES = [
  /** Nothing answered at that address and port: wrong address, router off, port closed, no route. */
  'UNREACHABLE',
  /** Connected, but a command got no answer in time (a router that went silent or is overloaded). */
  'TIMEOUT',
  /** The router refused the username or password. */
  'AUTH_FAILED',
  /** The router closed the connection at once: the API service (api / api-ssl) is disabled. */
  'API_DISABLED',
  /**
   * The router accepted the connection and never answered the login: RouterOS silently ignores
   * addresses outside the service's "available from" list, so this is what that looks like.
   */
  'NOT_ALLOWED',
  /** The user's group lacks the write policy. */
  'NO_WRITE_RIGHTS',
  /** The router refused the command (a `!trap`); `detail` holds its message. */
  'COMMAND_FAILED',
] as const;
export type RouterErrorCode = (typeof ROUTER_ERROR_CODES)[number];

export class RouterError extends Error {
  constructor(
    readonly code: RouterErrorCode,
    readonly detail: string,
    /**
     * The command had left for the router when this happened, so it may have been applied (a
     * dropped connection or a timeout after sending). A job must check the router's state before
     * repeating anything that is not idempotent.
     */
    readonly mayHaveApplied = false,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'RouterError';
  }

  /** The i18n key of its plain text. */
  get messageKey(): string {
    return `routeros.${this.code}`;
  }
}

/** RouterOS's words for a user whose group may not write. */
const NO_RIGHTS = /not enough permissions/i;

/** A `!trap`'s message, classified. */
export function trapError(message: string): RouterError {
  return new RouterError(NO_RIGHTS.test(message) ? 'NO_WRITE_RIGHTS' : 'COMMAND_FAILED', message);
}
