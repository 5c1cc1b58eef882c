import type { Db } from '../db/index.js';
import type { Clock, Logger } from '../platform/index.js';
import { isoAt } from '../platform/index.js';
import type { DomainEvent, EventName, EventPayload } from '../../shared/contract/events.js';
import type { DeadLetter } from '../../shared/contract/methods/system.js';
import { DeadLetters } from './dead-letters.js';
import { storedEvent } from './stored-event.js';

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

/** What a handler did with an event: threw, or returned (a promise still to settle, for an async one). */
type HandlerResult = { failed: true; error: unknown } | { failed: false; pending: Promise<void> | null };

interface Subscriber {
  name: string;
  handler: EventHandler;
  /** Durable subscribers keep their cursor in SQLite and resume after a restart. */
  durable: boolean;
  cursor: number;
  running: boolean;
  retryTimer: NodeJS.Timeout | null;
  failures: number;
}

interface OutboxRow {
  seq: number;
  tenant_id: string;
  name: string;
  payload: string;
  created_at: string;
}

const BATCH = 200;
const MAX_RETRY_MS = 60_000;

export interface EventBusOptions {
  /** Tries before an event is parked as a dead letter and the subscriber moves on. */
  maxFailures?: number;
  /** The first retry's delay; each next one doubles (up to a minute). */
  retryBaseMs?: number;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * Transactional outbox: publish() inserts the event in the caller's transaction, so the change and
 * its event commit (or roll back) together. Delivery runs after the commit, per subscriber, from
 * that subscriber's own cursor: at least once, in order, and a failing subscriber retries with
 * backoff on its own without holding up the others. An event it still fails on after
 * `maxFailures` tries is parked in bus_dead_letters (shown to the owner, who can retry it) and the
 * subscriber goes on with the next one: one event it cannot handle must not stop it forever.
 */
export class EventBus {
  private readonly subscribers = new Map<string, Subscriber>();
  private pumpScheduled = false;
  private closed = false;
  private readonly insert;
  private readonly readAfter;
  private readonly saveCursor;
  private readonly parkAndMoveOn;
  /** A function run in a transaction: a savepoint when called inside another one. */
  private readonly savepoint;
  private readonly maxFailures: number;
  private readonly retryBaseMs: number;
  readonly deadLetters: DeadLetters;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: EventBusOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.deadLetters = new DeadLetters(db, clock);
    this.insert = db.prepare('INSERT INTO outbox (tenant_id, name, payload, created_at) VALUES (?, ?, ?, ?)');
    this.readAfter = db.prepare('SELECT seq, tenant_id, name, payload, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.saveCursor = db.prepare(`INSERT INTO bus_cursors (subscriber, last_seq, failures, last_error) VALUES (?, ?, ?, ?)
      ON CONFLICT (subscriber) DO UPDATE SET last_seq = excluded.last_seq, failures = excluded.failures, last_error = excluded.last_error`);
    // The letter and the cursor past it commit together: a crash between them neither loses the
    // event nor parks it twice.
    this.savepoint = db.transaction((work: () => HandlerResult) => work());
    this.parkAndMoveOn = db.transaction((sub: Subscriber, event: DomainEvent, error: string) => {
      this.deadLetters.park(sub.name, event, sub.failures, error);
      this.saveCursor.run(sub.name, event.seq, 0, null);
    });
  }

  /** Call inside the transaction that makes the change. */
  publish<E extends EventName>(name: E, tenantId: string, payload: EventPayload<E>): void {
    this.insert.run(tenantId, name, JSON.stringify(payload), isoAt(this.clock));
    this.schedulePump();
  }

  /**
   * A transient event: straight to live subscribers (screens), never stored. For progress that is
   * re-read from its own tables anyway (a broadcast's counts), where an outbox row per change would
   * only slow the work it reports on.
   */
  announce<E extends EventName>(name: E, tenantId: string, payload: EventPayload<E>): void {
    const event = { name, tenantId, payload, seq: 0, at: isoAt(this.clock) } as DomainEvent;
    for (const sub of this.subscribers.values()) {
      if (sub.durable) continue;
      try {
        void Promise.resolve(sub.handler(event)).catch((err: unknown) => this.log.warn('live subscriber failed', { subscriber: sub.name, error: String(err) }));
      } catch (err) {
        this.log.warn('live subscriber failed', { subscriber: sub.name, error: String(err) });
      }
    }
  }

  /**
   * Durable subscribers start where they left off (a new one starts at the current end, so it does
   * not replay history it never asked for); live ones (UI push) only see what happens from now on.
   */
  subscribe(name: string, handler: EventHandler, options: { durable: boolean }): () => void {
    if (this.subscribers.has(name)) throw new Error(`subscriber ${name} already registered`);
    const head = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM outbox').pluck().get() as number) ?? 0;
    let cursor = head;
    let failures = 0;
    if (options.durable) {
      const saved = this.db.prepare('SELECT last_seq, failures FROM bus_cursors WHERE subscriber = ?').get(name) as { last_seq: number; failures: number } | undefined;
      if (saved === undefined) this.saveCursor.run(name, head, 0, null);
      // Failures carry over a restart: an event that keeps failing (or crashing the app) still gets parked.
      else ({ last_seq: cursor, failures } = saved);
    }
    this.subscribers.set(name, { name, handler, durable: options.durable, cursor, running: false, retryTimer: null, failures });
    this.schedulePump();
    return () => {
      const sub = this.subscribers.get(name);
      if (sub?.retryTimer) clearTimeout(sub.retryTimer);
      this.subscribers.delete(name);
    };
  }

  /** Deliver everything pending now; resolves when every subscriber is idle (tests, shutdown). */
  async drain(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await Promise.all([...this.subscribers.values()].map((s) => this.deliver(s)));
      const pending = [...this.subscribers.values()].some((s) => !s.retryTimer && this.hasAfter(s.cursor));
      if (!pending) return;
    }
  }

  /**
   * Events every registered durable subscriber has seen are no longer needed. Only registered ones
   * count: the cursor of a subscriber this version no longer has (renamed, removed) stays in
   * bus_cursors but would otherwise hold every event after it forever. With no durable subscriber
   * every event is delivered (a new one starts at the end), so all can go.
   */
  prune(): number {
    const durable = [...this.subscribers.values()].filter((s) => s.durable).map((s) => s.cursor);
    const seen = durable.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...durable);
    return this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(seen).changes;
  }

  /**
   * The owner's "retry" on a parked event: delivered again, now, to the subscriber that failed on
   * it (out of order by then, so handlers stay idempotent and order-tolerant, as at-least-once
   * delivery already asks). Null when there is no such letter for this tenant.
   */
  async retryDeadLetter(tenantId: string, id: number): Promise<{ delivered: boolean; deadLetter: DeadLetter | null } | null> {
    const parked = this.deadLetters.get(tenantId, id);
    if (!parked) return null;
    const sub = this.subscribers.get(parked.subscriber);
    try {
      if (!sub) throw new Error(`${parked.subscriber} is not running`);
      await sub.handler(parked.event);
    } catch (err) {
      return { delivered: false, deadLetter: this.deadLetters.failedAgain(tenantId, id, errorText(err)) };
    }
    this.deadLetters.remove(id);
    return { delivered: true, deadLetter: null };
  }

  close(): void {
    this.closed = true;
    for (const sub of this.subscribers.values()) if (sub.retryTimer) clearTimeout(sub.retryTimer);
    this.subscribers.clear();
  }

  private hasAfter(seq: number): boolean {
    return this.readAfter.all(seq, 1).length > 0;
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    // setImmediate runs after the caller's synchronous transaction has committed.
    setImmediate(() => {
      this.pumpScheduled = false;
      for (const sub of this.subscribers.values()) this.deliverSafely(sub);
    });
  }

  /** A delivery that meets a database it cannot write now (locked past the busy timeout) tries again later; the core never dies of it. */
  private deliverSafely(sub: Subscriber): void {
    this.deliver(sub).catch((error: unknown) => {
      this.log.warn('event delivery could not write; will retry', { subscriber: sub.name, error: String(error) });
      if (this.closed || sub.retryTimer) return;
      sub.retryTimer = setTimeout(() => {
        sub.retryTimer = null;
        this.deliverSafely(sub);
      }, this.retryBaseMs);
      sub.retryTimer.unref();
    });
  }

  private async deliver(sub: Subscriber): Promise<void> {
    if (sub.running || sub.retryTimer || this.closed) return;
    sub.running = true;
    try {
      for (;;) {
        const rows = this.readAfter.all(sub.cursor, BATCH) as OutboxRow[];
        if (rows.length === 0) return;
        for (let i = 0; i < rows.length; ) {
          if (this.closed || !this.subscribers.has(sub.name)) return;
          const group = this.deliverInOneCommit(sub, rows.slice(i));
          i += group.handled;
          if (!group.stopped) continue;
          const { event, result } = group.stopped;
          try {
            if (result.failed) throw result.error;
            await result.pending;
          } catch (err) {
            if (!this.parkAfterTooMany(sub, event, err)) return;
          }
          this.advance(sub, event.seq);
          i += 1;
        }
      }
    } finally {
      sub.running = false;
    }
  }

  /**
   * Hands the subscriber events until one fails or is asynchronous, all in ONE commit: each event's
   * writes (in a savepoint of their own, so a failing one leaves nothing behind) and the cursor past
   * them commit together. A subscriber that writes for every event (the WhatsApp notifier) then costs
   * one disk flush per batch, not two per event, and a crash can no longer separate an event's
   * writes from the cursor that says it was handled. Returns how many were handled, and the event
   * it stopped at (failed, or still running asynchronously: its synchronous part is committed).
   */
  private deliverInOneCommit(sub: Subscriber, rows: readonly OutboxRow[]) {
    // IMMEDIATE: the write lock is taken (waiting out another process's commit) before anything is
    // read; a deferred transaction that reads first fails with SQLITE_BUSY_SNAPSHOT when a second
    // core on the same file (another office's process) commits in between.
    return this.db.transaction(() => {
      let handled = 0;
      let stopped: { event: DomainEvent; result: HandlerResult } | null = null;
      for (const row of rows) {
        const event = storedEvent(row, row.created_at);
        const result = this.handleOne(sub, event);
        if (result.failed || result.pending) {
          stopped = { event, result };
          break;
        }
        handled += 1;
      }
      const last = rows[handled - 1];
      if (last) this.advance(sub, last.seq);
      return { handled, stopped };
    }).immediate();
  }

  private handleOne(sub: Subscriber, event: DomainEvent): HandlerResult {
    try {
      // better-sqlite3 refuses a transaction function that returns a promise: it is handed out wrapped.
      return this.savepoint(() => {
        const returned = sub.handler(event);
        return { failed: false, pending: returned instanceof Promise ? returned : null };
      });
    } catch (error) {
      return { failed: true, error };
    }
  }

  /** Past `seq`: kept in memory, and in SQLite for a durable subscriber (inside the caller's transaction when there is one). */
  private advance(sub: Subscriber, seq: number): void {
    sub.cursor = seq;
    sub.failures = 0;
    if (sub.durable) this.saveCursor.run(sub.name, seq, 0, null);
  }

  /**
   * A failed delivery: true when the event was parked (the subscriber moves on to the next one),
   * false when it will be tried again after a backoff.
   */
  private parkAfterTooMany(sub: Subscriber, event: DomainEvent, err: unknown): boolean {
    sub.failures += 1;
    const message = errorText(err);
    if (sub.failures >= this.maxFailures) {
      this.log.error('event parked as a dead letter', { subscriber: sub.name, event: event.name, seq: event.seq, failures: sub.failures, error: message });
      // A live subscriber (a screen) has no cursor to keep and nobody to retry for it: it skips.
      if (sub.durable) this.parkAndMoveOn(sub, event, message);
      return true;
    }
    this.log.warn('event subscriber failed; will retry', { subscriber: sub.name, failures: sub.failures, error: message });
    if (sub.durable) this.saveCursor.run(sub.name, sub.cursor, sub.failures, message);
    const delay = Math.min(MAX_RETRY_MS, this.retryBaseMs * 2 ** Math.min(sub.failures - 1, 10));
    sub.retryTimer = setTimeout(() => {
      sub.retryTimer = null;
      this.deliverSafely(sub);
    }, delay);
    sub.retryTimer.unref();
    return false;
  }
}
