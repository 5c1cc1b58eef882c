import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';

/** An account gets five free tries; a source (the desktop window, a web client) tries many names, so more. */
const ACCOUNT_FREE_TRIES = 5;
const SOURCE_FREE_TRIES = 20;
/** After the free tries each failure doubles the wait, from 30 seconds up to 15 minutes: never a lock without end. */
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
/**
 * Each quarter of an hour without a failure forgives one, so typos spread over an office week never
 * add up to a delay (all staff at the desktop share its source), while a guesser who waits out the
 * 15-minute delay still gets only one try per wait.
 */
const FORGIVE_ONE_MS = 15 * 60_000;
/** By then any count has been forgiven: the retention sweep drops the row. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;
/**
 * Unknown usernames share a fixed number of counters: guessing names cannot grow the table, and a
 * made-up name is slowed like a real one, so the throttle does not tell which names exist.
 */
const UNKNOWN_BUCKETS = 256;

/** Whose password is being tried: a real account by its id, or a name no account has. */
export type LoginTarget = { userId: string } | { unknownName: string };

interface Counter {
  key: string;
  freeTries: number;
}

interface Row {
  key: string;
  failures: number;
  blocked_until: number;
  last_failure: number;
}

/**
 * Slows password guessing per account and per source with a growing delay, on disk so a restart
 * does not forgive. admit() checks and records in one synchronous transaction: every admitted try
 * counts as a failure until its password proves right, so a burst of parallel guesses gets no more
 * tries than guesses made one after another (the hash check between them awaits).
 */
export class LoginThrottle {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      get: db.prepare('SELECT key, failures, blocked_until, last_failure FROM login_throttle WHERE key = ?'),
      put: db.prepare(`INSERT INTO login_throttle (key, failures, blocked_until, last_failure) VALUES (@key, @failures, @blockedUntil, @now)
        ON CONFLICT (key) DO UPDATE SET failures = @failures, blocked_until = @blockedUntil, last_failure = @now`),
      forgetAccount: db.prepare('DELETE FROM login_throttle WHERE key = ?'),
      undoSource: db.prepare(`UPDATE login_throttle SET failures = MAX(failures - 1, 0),
        blocked_until = CASE WHEN failures - 1 < ? THEN 0 ELSE blocked_until END WHERE key = ?`),
    };
  }

  /** 0 when the try may go ahead (and is counted as a failure until succeeded()), else the seconds to wait. */
  admit(target: LoginTarget, source: string): number {
    return this.db
      .transaction(() => {
        const now = this.clock.now();
        const counters = [accountCounter(target), sourceCounter(source)];
        const rows = counters.map((c) => this.stmt.get.get(c.key) as Row | undefined);
        const blockedUntil = Math.max(0, ...rows.map((r) => r?.blocked_until ?? 0));
        if (blockedUntil > now) return Math.ceil((blockedUntil - now) / 1000);
        counters.forEach((counter, i) => {
          const row = rows[i];
          const failures = (row ? Math.max(0, row.failures - Math.floor((now - row.last_failure) / FORGIVE_ONE_MS)) : 0) + 1;
          this.stmt.put.run({ key: counter.key, failures, blockedUntil: failures >= counter.freeTries ? now + delayMs(failures - counter.freeTries) : 0, now });
        });
        return 0;
      })
      .immediate();
  }

  /** The password was right: the account starts afresh and the source's try is no longer held against it. */
  succeeded(target: LoginTarget, source: string): void {
    const bySource = sourceCounter(source);
    this.db.transaction(() => {
      this.stmt.forgetAccount.run(accountCounter(target).key);
      this.stmt.undoSource.run(bySource.freeTries, bySource.key);
    })();
  }

  /** Counters a day old and not holding anyone back: the retention sweep. */
  pruneForgotten(): number {
    const now = this.clock.now();
    return this.db.prepare('DELETE FROM login_throttle WHERE last_failure < ? AND blocked_until < ?').run(now - FORGET_AFTER_MS, now).changes;
  }

  /** The recovery path for a locked-out owner at the desktop (`--unlock-login`): every delay ends now. */
  forgiveAll(): number {
    return this.db.prepare('DELETE FROM login_throttle').run().changes;
  }
}

function delayMs(beyondFree: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(beyondFree, 30));
}

function accountCounter(target: LoginTarget): Counter {
  if ('userId' in target) return { key: `user:${target.userId}`, freeTries: ACCOUNT_FREE_TRIES };
  const bucket = createHash('sha256').update(target.unknownName).digest().readUInt32BE(0) % UNKNOWN_BUCKETS;
  return { key: `unknown:${bucket}`, freeTries: ACCOUNT_FREE_TRIES };
}

function sourceCounter(source: string): Counter {
  return { key: `source:${source}`, freeTries: SOURCE_FREE_TRIES };
}
