/** What came back from one POST: an HTTP answer, or why there was none. Never throws. */
export type FonnteAnswer =
  | { kind: 'answer'; httpStatus: number; body: Record<string, unknown> | null }
  | { kind: 'no-answer'; code: 'TIMEOUT' | 'NETWORK'; message: string };

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
        if (timedOut) {
          return { kind: 'no-answer', code: 'TIMEOUT', message: `Fonnte did not answer within ${timeoutMs} ms` };
        }
        return { kind: 'no-answer', code: 'NETWORK', message: `Fonnte unreachable: ${describeError(error)}` };
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
