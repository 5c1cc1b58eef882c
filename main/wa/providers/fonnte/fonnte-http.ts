import http from 'node:http';
import https from 'node:https';
/** What came back from one POST: an HTTP answer, or why there was none. Never throws. */
export type FonnteAnswer =
  | { kind: 'answer'; httpStatus: number; body: Record<string, unknown> | null }
  | {
      kind: 'no-answer';
      code: 'TIMEOUT' | 'NETWORK';
      message: string;
      /** False only when no byte of the request was written, so Fonnte cannot have read it. */
      mayHaveReached: boolean;
    };

export interface FonnteHttp {
  /**
   * `handover` is awaited once the connection is open and before the first byte of the request is
   * written (the caller commits "sending" there); false cancels the request unsent.
   */
  post(path: string, form?: URLSearchParams, handover?: () => Promise<boolean>): Promise<FonnteAnswer>;
}

export interface FonnteHttpOptions {
  token: string;
  baseUrl: string;
  timeoutMs: number;
}

/** Connections are kept open between sends: a message waits for no handshake once the first has gone. */
const AGENTS = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) } as const;

/**
 * node:http rather than fetch: fetch writes the request as soon as it has a connection, so
 * "sending" had to be committed before connecting, and a crash while connecting (seconds on a
 * slow line, the first request of a process) parked messages that had never left. Here nothing is
 * written until `handover` says so, on an open connection.
 */
export function createFonnteHttp({ token, baseUrl, timeoutMs }: FonnteHttpOptions): FonnteHttp {
  const root = baseUrl.replace(/\/+$/, '');

  return {
    post(path, form, handover) {
      const url = new URL(`${root}${path}`);
      const body = form ? form.toString() : '';
      const secure = url.protocol === 'https:';
      return new Promise<FonnteAnswer>((resolve) => {
        let written = false;
        let timedOut = false;
        let settled = false;
        const finish = (answer: FonnteAnswer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        };
        const request = (secure ? https : http).request(url, {
          method: 'POST',
          agent: AGENTS[secure ? 'https:' : 'http:'],
          headers: {
            // Fonnte wants the bare token, no "Bearer" prefix.
            Authorization: token,
            'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
            'content-length': Buffer.byteLength(body),
          },
        });
        // The whole exchange shares one deadline: a server can accept, answer headers and then stall.
        const timer = setTimeout(() => {
          timedOut = true;
          request.destroy(new Error('deadline'));
        }, timeoutMs);
        const write = async () => {
          if (handover && !(await handover())) {
            finish({ kind: 'no-answer', code: 'NETWORK', message: 'cancelled before anything was sent', mayHaveReached: false });
            request.destroy();
            return;
          }
          written = true;
          request.end(body);
        };
        request.on('socket', (socket) => {
          if (!socket.connecting) return void write();
          socket.once(secure ? 'secureConnect' : 'connect', () => void write());
        });
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            finish({ kind: 'answer', httpStatus: response.statusCode ?? 0, body: parseObject(Buffer.concat(chunks).toString('utf8')) }),
          );
          response.on('error', (error) => finish(noAnswer(error, written, timedOut, timeoutMs)));
          response.on('aborted', () => finish(noAnswer(new Error('the answer was cut off'), written, timedOut, timeoutMs)));
        });
        request.on('error', (error) => finish(noAnswer(error, written, timedOut, timeoutMs)));
      });
    },
  };
}

/**
 * No answer: whether Fonnte may have read the request is whether any of it was written. Before
 * that (name lookup, connect, TLS handshake, our own deadline while connecting) nothing was sent.
 */
function noAnswer(error: Error, written: boolean, timedOut: boolean, timeoutMs: number): FonnteAnswer {
  if (timedOut) return { kind: 'no-answer', code: 'TIMEOUT', message: `Fonnte did not answer within ${timeoutMs} ms`, mayHaveReached: written };
  return { kind: 'no-answer', code: 'NETWORK', message: `Fonnte unreachable: ${describeError(error)}`, mayHaveReached: written };
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

/** "ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:80)": the code first, for support. */
function describeError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code} (${error.message})` : error.message;
}
