import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { DeadLetter } from '../../shared/contract/methods/system.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { storedEvent } from './stored-event.js';

interface DeadLetterRow {
  id: number;
  subscriber: string;
  seq: number;
  tenant_id: string;
  name: string;
  payload: string;
  event_at: string;
  failures: number;
  last_error: string;
  parked_at: number;
}

export interface ParkedEvent {
  view: DeadLetter;
  subscriber: string;
  event: DomainEvent;
}

const toView = (row: DeadLetterRow): DeadLetter => ({
  id: row.id,
  subscriber: row.subscriber,
  event: row.name,
  error: row.last_error,
  failures: row.failures,
  eventAt: row.event_at,
  parkedAt: new Date(row.parked_at).toISOString(),
});

/** The bus's parked events (bus_dead_letters): written by the bus, read and retried by the owner. */
export class DeadLetters {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      park: db.prepare(`INSERT INTO bus_dead_letters (subscriber, seq, tenant_id, name, payload, event_at, failures, last_error, parked_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subscriber, seq) DO NOTHING`),
      list: db.prepare('SELECT * FROM bus_dead_letters WHERE tenant_id = ? ORDER BY id DESC LIMIT ?'),
      get: db.prepare('SELECT * FROM bus_dead_letters WHERE id = ? AND tenant_id = ?'),
      failedAgain: db.prepare('UPDATE bus_dead_letters SET failures = failures + 1, last_error = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM bus_dead_letters WHERE id = ?'),
    };
  }

  park(subscriber: string, event: DomainEvent, failures: number, error: string): void {
    this.stmt.park.run(subscriber, event.seq, event.tenantId, event.name, JSON.stringify(event.payload), event.at, failures, error, this.clock.now());
  }

  list(tenantId: string, limit = 200): DeadLetter[] {
    return (this.stmt.list.all(tenantId, limit) as DeadLetterRow[]).map(toView);
  }

  /** Tenant-scoped: another tenant's letter is "not found". */
  get(tenantId: string, id: number): ParkedEvent | null {
    const row = this.stmt.get.get(id, tenantId) as DeadLetterRow | undefined;
    if (!row) return null;
    return { view: toView(row), subscriber: row.subscriber, event: storedEvent(row, row.event_at) };
  }

  failedAgain(tenantId: string, id: number, error: string): DeadLetter | null {
    this.stmt.failedAgain.run(error, id);
    return this.get(tenantId, id)?.view ?? null;
  }

  remove(id: number): void {
    this.stmt.remove.run(id);
  }
}
