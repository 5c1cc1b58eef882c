import type { EventEmitter } from 'node:events';
import { RouterOSAPI } from 'node-routeros';
import type { Row, RouterTarget } from './router-api.js';
import { RouterError, trapError } from './router-error.js';

/** The API-SSL service listens on 8729; node-routeros would dial 8728 with `tls` too unless told the port. */
export const apiPort = (target: RouterTarget): number => target.port ?? (target.tls ? 8729 : 8728);

export interface ConnectionTimeouts {
  /** From dialling to logged in. */
  connectMs: number;
  /** From a command's sending to its `!done`. */
  commandMs: number;
}

/** The library's socket holder, which its types keep private: the only way to know TCP is up and to cut a hung socket. */
type Inner = { connector?: EventEmitter & { destroy(): void } };

const LOGIN_REFUSED = /CANTLOGIN|invalid user name or password|cannot log in/i;

interface Pending {
  reject(error: RouterError): void;
}

/**
 * One logged-in API connection to one router, around node-routeros (patched: see README.md).
 * Guarantees the library does not: every command settles (a reply, a trap, its timeout, or the
 * connection's end), no socket error escapes, and the failure says what went wrong as a code.
 */
export class RouterOsConnection {
  private readonly pending = new Set<Pending>();
  private failure: RouterError | null = null;
  private readonly closedListeners: ((error: RouterError) => void)[] = [];

  private constructor(
    private readonly api: RouterOSAPI,
    private readonly timeouts: ConnectionTimeouts,
  ) {
    // After login the library re-emits socket errors and timeouts here; unheard they would kill the process.
    api.on('error', (error: unknown) => this.fail(new RouterError('UNREACHABLE', `connection lost: ${describe(error)}`, true)));
    api.on('close', () => this.fail(new RouterError('UNREACHABLE', 'connection closed by the router', true)));
  }

  static open(target: RouterTarget, timeouts: ConnectionTimeouts): Promise<RouterOsConnection> {
    const api = new RouterOSAPI({
      host: target.host,
      port: apiPort(target),
      user: target.username,
      password: target.password,
      // Milliseconds: the patched library guards only the TCP connect with it.
      timeout: timeouts.connectMs,
      // Routers' API-SSL certificates are self-signed (or none at all); there is no CA to check against.
      ...(target.tls ? { tls: { rejectUnauthorized: false } } : {}),
    });
    return new Promise((resolve, reject) => {
      let tcpUp = false;
      let settled = false;
      const settle = (error: RouterError | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        api.removeListener('close', onClose);
        api.removeListener('error', onError);
        if (error === null) {
          resolve(new RouterOsConnection(api, timeouts));
          return;
        }
        (api as unknown as Inner).connector?.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () =>
          settle(
            tcpUp
              ? new RouterError('NOT_ALLOWED', `connected, but no answer to the login within ${timeouts.connectMs} ms`)
              : new RouterError('UNREACHABLE', `no connection within ${timeouts.connectMs} ms`),
          ),
        timeouts.connectMs,
      );
      // The library resolves nothing when the router hangs up during login: the caller would wait forever.
      const onClose = () => settle(new RouterError('API_DISABLED', 'the router closed the connection at once'));
      const onError = (error: unknown) => settle(loginFailure(error, tcpUp));
      api.once('close', onClose);
      api.once('error', onError);
      api.connect().then(
        () => settle(null),
        (error: unknown) => settle(loginFailure(error, tcpUp)),
      );
      (api as unknown as Inner).connector?.once('connected', () => {
        tcpUp = true;
      });
    });
  }

  get closed(): boolean {
    return this.failure !== null;
  }

  /** Called once when the connection ends for any reason (not after close()). */
  onClosed(listener: (error: RouterError) => void): void {
    this.closedListeners.push(listener);
  }

  /** Sends one command sentence: the path, then its `=attribute=` and `?query` words. */
  run(words: readonly string[]): Promise<Row[]> {
    if (this.failure) return Promise.reject(this.failure);
    const [command, ...params] = words;
    if (command === undefined) return Promise.reject(new RouterError('COMMAND_FAILED', 'empty command'));
    return new Promise<Row[]>((resolve, reject) => {
      const entry: Pending = { reject };
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(entry);
      };
      const timer = setTimeout(() => {
        // A router that leaves one command unanswered is not trusted with the others: start afresh.
        this.fail(new RouterError('TIMEOUT', `no answer to ${command} within ${this.timeouts.commandMs} ms`, true));
      }, this.timeouts.commandMs);
      entry.reject = (error) => {
        done();
        reject(error);
      };
      this.pending.add(entry);
      this.api.write(command, params).then(
        (rows: object[]) => {
          if (!this.pending.has(entry)) return;
          done();
          resolve(rows as Row[]);
        },
        (error: unknown) => {
          if (!this.pending.has(entry)) return;
          done();
          reject(trapError(describe(error)));
        },
      );
    });
  }

  /** Ends the connection; commands still waiting are rejected. */
  close(): void {
    this.fail(new RouterError('UNREACHABLE', 'connection closed by the console', true), false);
  }

  private fail(error: RouterError, notify = true): void {
    if (this.failure) return;
    this.failure = error;
    for (const entry of [...this.pending]) entry.reject(error);
    (this.api as unknown as Inner).connector?.destroy();
    if (notify) for (const listener of this.closedListeners) listener(error);
  }
}

/** A reset right after connecting is the API service turning us away, like a close. */
const HUNG_UP = /ECONNRESET|EPIPE/;

function loginFailure(error: unknown, tcpUp: boolean): RouterError {
  const detail = describe(error);
  if (LOGIN_REFUSED.test(detail)) return new RouterError('AUTH_FAILED', detail);
  if (tcpUp && HUNG_UP.test(detail)) return new RouterError('API_DISABLED', detail);
  return new RouterError('UNREACHABLE', detail);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const errno = (error as { errno?: unknown }).errno;
    return [typeof errno === 'string' ? errno : '', error.message].filter(Boolean).join(' ') || error.name;
  }
  return String(error);
}
