/** What came back from one POST: an HTTP answer, or why there was none. Never throws. */
export type FonnteAnswer =
  | { kind: 'answer'; httpStatus: number; body: Record<string, unknown> | null }
  | {
      kind: 'no-answer';
      code: 'TIMEOUT' | 'NETWORK';
      message: string;
      /** False only when the connection never opened, so no byte of the request reached Fonnte. */
      mayHaveReached: boolean;
    };

export interface FonnteHttp {
  post(path: string, form?: URLSearchParams): Promise<FonnteAnswer>;
}

export interface FonnteHttpOptions {
  token: string;
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
}

export function createFonnteHttp({ token, baseUrl, timeoutMs, fetch }: FonnteHttpOptions): FonnteHttp {
  const root = baseUrl.replace(/\/+$/, '');

  return {
    async post(path, form) {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        const response = await fetch(`${root}${path}`, {
          method: 'POST',
          // Fonnte wants the bare token, no "Bearer" prefix.
          headers: { Authorization: token },
          body: form,
          signal: controller.signal,
        });
        // The body read shares the deadline: a server can send headers and then stall.
        const text = await response.text();
        return { kind: 'answer', httpStatus: response.status, body: parseObject(text) };
      } catch (error) {
        const mayHaveReached = !failedBeforeSending(error);
        if (timedOut) {
          return { kind: 'no-answer', code: 'TIMEOUT', message: `Fonnte did not answer within ${timeoutMs} ms`, mayHaveReached };
        }
        return { kind: 'no-answer', code: 'NETWORK', message: `Fonnte unreachable: ${describeError(error)}`, mayHaveReached };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Errors of the connection phase (name lookup, connect, TLS handshake): fetch writes the request
 * only on an open connection, so with these nothing was sent. Anything else (a reset or "other side
 * closed" after the body went out, our own deadline while waiting for the answer) may have been
 * read by Fonnte, so it is never taken as "not sent".
 */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function failedBeforeSending(error: unknown): boolean {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error ? (cause as NodeJS.ErrnoException).code : undefined;
  return code !== undefined && BEFORE_SENDING.has(code);
}

/** fetch hides the useful part (ECONNREFUSED, "other side closed") in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
