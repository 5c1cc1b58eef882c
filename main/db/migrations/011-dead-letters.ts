import type { Migration } from '../migrate.js';

/**
 * Events a durable subscriber failed on too many times, parked so the subscriber can move on
 * (one notification for a deleted customer must not silence every notification after it). A copy
 * of the event is kept: the outbox row may be pruned long before a person presses "retry".
 */
export const m011DeadLetters: Migration = {
  version: 11,
  name: 'dead-letters',
  up(db) {
    db.exec(`
      CREATE TABLE bus_dead_letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        subscriber TEXT NOT NULL,
        seq INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        payload TEXT NOT NULL,
        event_at TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_error TEXT NOT NULL,
        parked_at INTEGER NOT NULL,
        UNIQUE (subscriber, seq)
      );
      CREATE INDEX bus_dead_letters_by_tenant ON bus_dead_letters (tenant_id, id);
    `);
  },
};
