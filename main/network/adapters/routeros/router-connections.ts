import type { Row, RouterRef } from './router-api.js';
import { RouterError } from './router-error.js';
import { RouterOsConnection, type ConnectionTimeouts } from './routeros-connection.js';

export interface RouterConnectionsOptions extends ConnectionTimeouts {
  /** Commands sent to one router and not yet answered, at most: a small hEX must not be flooded. */
  maxInFlight: number;
  /** A connection unused this long is closed (RouterOS keeps one session per connection). */
  idleMs: number;
  /** After a failed connect, the next try waits base, 2x base ... up to max; commands meanwhile fail at once. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  now: () => number;
}

export const DEFAULT_CONNECTIONS: RouterConnectionsOptions = {
  maxInFlight: 8,
  idleMs: 60_000,
  connectMs: 5_000,
  commandMs: 10_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  now: Date.now,
};

interface Slot {
  /** Everything that makes a different connection: a changed password or address means a new one. */
  key: string;
  connection: RouterOsConnection | null;
  connecting: Promise<RouterOsConnection> | null;
  inFlight: number;
  waiting: (() => void)[];
  idleTimer: NodeJS.Timeout | null;
  failures: number;
  retryAt: number;
  lastError: RouterError | null;
}

const keyOf = (router: RouterRef) => JSON.stringify([router.host, router.port ?? null, router.tls, router.username, router.password]);

/**
 * One connection per router, kept open and shared by every command to it (tagged, so many are in
 * flight at once), up to `maxInFlight` in flight; the rest wait their turn in order. A connection
 * that fails is made again on the next command, no sooner than its backoff allows.
 */
export class RouterConnections {
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(private readonly options: RouterConnectionsOptions = DEFAULT_CONNECTIONS) {}

  async run(router: RouterRef, words: readonly string[]): Promise<Row[]> {
    if (this.closed) throw new RouterError('UNREACHABLE', 'the console is shutting down');
    const slot = this.slotFor(router);
    await this.acquire(slot);
    try {
      const connection = await this.connection(slot, router);
      return await connection.run(words);
    } finally {
      this.release(slot);
    }
  }

  /** Commands on their way to or waiting for this router (for tests and the health screen). */
  inFlight(routerId: string): number {
    return this.slots.get(routerId)?.inFlight ?? 0;
  }

  /** Shutdown: every connection ends and every command still waiting is rejected. */
  close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.values()) this.drop(slot);
    this.slots.clear();
    return Promise.resolve();
  }

  private slotFor(router: RouterRef): Slot {
    const key = keyOf(router);
    let slot = this.slots.get(router.id);
    if (slot && slot.key !== key) {
      // Edited in the routers screen: the old connection logs in as someone else or somewhere else.
      this.drop(slot);
      slot = undefined;
    }
    if (!slot) {
      slot = { key, connection: null, connecting: null, inFlight: 0, waiting: [], idleTimer: null, failures: 0, retryAt: 0, lastError: null };
      this.slots.set(router.id, slot);
    }
    return slot;
  }

  private acquire(slot: Slot): Promise<void> {
    if (slot.idleTimer) {
      clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
    }
    if (slot.inFlight < this.options.maxInFlight) {
      slot.inFlight += 1;
      return Promise.resolve();
    }
    // The slot passes straight from the finishing command to the next waiting one (see release).
    return new Promise((resolve) => slot.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = slot.waiting.shift();
    if (next) {
      next();
      return;
    }
    slot.inFlight -= 1;
    if (slot.inFlight === 0 && slot.connection && !this.closed) {
      slot.idleTimer = setTimeout(() => {
        slot.idleTimer = null;
        slot.connection?.close();
        slot.connection = null;
      }, this.options.idleMs);
      slot.idleTimer.unref();
    }
  }

  private connection(slot: Slot, router: RouterRef): Promise<RouterOsConnection> {
    if (slot.connection && !slot.connection.closed) return Promise.resolve(slot.connection);
    if (slot.connecting) return slot.connecting;
    if (slot.lastError && this.options.now() < slot.retryAt) return Promise.reject(slot.lastError);
    const attempt = RouterOsConnection.open(router, this.options).then(
      (connection) => {
        if (this.closed || this.slots.get(router.id) !== slot) {
          // The pool closed or the router was edited while we were logging in.
          connection.close();
          throw new RouterError('UNREACHABLE', 'the connection is no longer wanted');
        }
        slot.connecting = null;
        slot.connection = connection;
        slot.failures = 0;
        slot.lastError = null;
        connection.onClosed(() => {
          if (slot.connection === connection) slot.connection = null;
        });
        return connection;
      },
      (error: unknown) => {
        slot.connecting = null;
        slot.failures += 1;
        slot.lastError = error instanceof RouterError ? error : new RouterError('UNREACHABLE', String(error));
        slot.retryAt = this.options.now() + Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (slot.failures - 1));
        throw slot.lastError;
      },
    );
    slot.connecting = attempt;
    return attempt;
  }

  private drop(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.connection?.close();
    slot.connection = null;
  }
}
