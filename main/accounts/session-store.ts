import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';

/** An office day with breaks: idle for 12 hours ends a session; none lives longer than 7 days. */
const IDLE_MS = 12 * 60 * 60_000;
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** Touching last_seen at most once a minute keeps reads from turning into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionRef {
  userId: string;
  tenantId: string;
}

/** Only a hash of the token is stored, so a copied database file holds no usable sessions. */
const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  /** Told when sessions end (logout, deactivation, a changed password, expiry): open event sockets close theirs. */
  private readonly endedListeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  open(userId: string, tenantId: string): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, tenant_id, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), userId, tenantId, now, now, now + MAX_AGE_MS);
    return token;
  }

  resolve(token: string): SessionRef | null {
    const now = this.clock.now();
    const row = this.row(token);
    if (!row) return null;
    if (this.expired(row, now)) {
      this.close(token);
      return null;
    }
    if (now - row.last_seen > TOUCH_EVERY_MS) {
      this.db.prepare('UPDATE sessions SET last_seen = ? WHERE token_hash = ?').run(now, hashToken(token));
    }
    return { userId: row.user_id, tenantId: row.tenant_id };
  }

  /** The session if still open, without counting this look as activity (an open event socket is not the user at work). */
  peek(token: string): SessionRef | null {
    const row = this.row(token);
    return row && !this.expired(row, this.clock.now()) ? { userId: row.user_id, tenantId: row.tenant_id } : null;
  }

  onEnded(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  close(token: string): void {
    if (this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token)).changes > 0) this.ended();
  }

  closeOthers(userId: string, keepToken: string): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, hashToken(keepToken));
    this.ended();
  }

  /** Sessions past their age or idle limit (resolve() would refuse them anyway): retention. */
  pruneExpired(): number {
    const now = this.clock.now();
    return this.db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen < ?').run(now, now - IDLE_MS).changes;
  }

  closeAllFor(userId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    this.ended();
  }

  private ended(): void {
    for (const listener of this.endedListeners) listener();
  }

  private row(token: string): SessionRow | undefined {
    return this.db.prepare('SELECT user_id, tenant_id, last_seen, expires_at FROM sessions WHERE token_hash = ?').get(hashToken(token)) as SessionRow | undefined;
  }

  private expired(row: SessionRow, now: number): boolean {
    return now > row.expires_at || now - row.last_seen > IDLE_MS;
  }
}

interface SessionRow {
  user_id: string;
  tenant_id: string;
  last_seen: number;
  expires_at: number;
}
