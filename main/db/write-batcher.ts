import type { Db } from './open-database.js';

interface Pending {
  write: () => unknown;
  /** Runs in a savepoint of its own (a write of more than one statement). */
  isolate: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Many small writes from concurrent async work (64 messages in flight, each marking itself
 * 'sending', then 'sent') share one transaction per turn of the event loop
 * instead of one commit each. Every caller still waits until its own write is committed, so
 * "committed before the provider is called" keeps holding. A failing write fails alone: a write
 * of several statements runs in its own savepoint, so one whose second statement fails leaves
 * nothing of the first behind, and the rest of the batch still commits; a single statement is
 * atomic by itself.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  /** A transaction function called inside the batch's transaction is a savepoint (better-sqlite3). */
  private readonly isolated;

  constructor(private readonly db: Db) {
    this.isolated = db.transaction((write: () => unknown) => write());
  }

  run<T>(write: () => T): Promise<T> {
    return this.enqueue(write, true);
  }

  /**
   * A write of exactly one statement: SQLite takes back a failing statement by itself (triggers
   * included), so it needs no savepoint, which would copy every page the statement touches.
   */
  runStatement<T>(write: () => T): Promise<T> {
    return this.enqueue(write, false);
  }

  /**
   * One statement for many callers: each call adds its item, and the items added before the batch
   * commits are written together by `write` (a set-based statement over all of them, in a savepoint
   * of its own), which returns one result per item, in order. Worth it on the hottest paths (every
   * WhatsApp message's 'sending' and 'sent'), where a statement per item costs more in binding and
   * stepping than the rows themselves. A failing `write` fails all of its items, as a failed commit would.
   */
  grouped<I, R>(write: (items: readonly I[]) => readonly R[]): (item: I) => Promise<R> {
    let items: I[] = [];
    let written: Promise<readonly R[]> | null = null;
    return (item) => {
      written ??= this.run(() => {
        const taken = items;
        items = [];
        written = null;
        return write(taken);
      });
      const index = items.push(item) - 1;
      return written.then((results) => results[index] as R);
    };
  }

  private enqueue<T>(write: () => T, isolate: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, isolate, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued so far (also called directly before shutdown). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: item.isolate ? this.isolated(item.write) : item.write() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }
}
