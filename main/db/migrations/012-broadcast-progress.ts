import type { Migration } from '../migrate.js';

/** The message statuses as of this migration (written out: a shipped migration must not follow later code). */
const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'skipped'] as const;

/** `queued = queued + (NEW.status = 'queued') - (OLD.status = 'queued'), ...` for whichever rows are given. */
function shift(plus: 'NEW' | null, minus: 'OLD' | null): string {
  return STATUSES.map((s) => `${s} = ${s}${plus ? ` + (${plus}.status = '${s}')` : ''}${minus ? ` - (${minus}.status = '${s}')` : ''}`).join(', ');
}

/**
 * A broadcast's progress as counters beside it, kept by triggers on wa_messages: a running
 * broadcast's screen asked for a GROUP BY over all its messages (300 ms at 200,000 messages) up to
 * four times a second. Triggers move the counters in the same transaction as every status change
 * (send path, cancel, retry, receipts, purge), so no code path can forget them. A table of its own:
 * the broadcast row holds the recipient list (600 kB for 10,000), which every update would rewrite.
 */
export const m012BroadcastProgress: Migration = {
  version: 12,
  name: 'broadcast-progress',
  up(db) {
    db.exec(`
      CREATE TABLE wa_broadcast_progress (
        broadcast_id TEXT PRIMARY KEY REFERENCES wa_broadcasts (id) ON DELETE CASCADE,
        ${STATUSES.map((s) => `${s} INTEGER NOT NULL DEFAULT 0`).join(',\n        ')}
      ) WITHOUT ROWID;
      INSERT INTO wa_broadcast_progress (broadcast_id, ${STATUSES.join(', ')})
        SELECT b.id, ${STATUSES.map((s) => `COUNT(CASE WHEN m.status = '${s}' THEN 1 END)`).join(', ')}
        FROM wa_broadcasts b LEFT JOIN wa_messages m ON m.broadcast_id = b.id GROUP BY b.id;
      CREATE TRIGGER wa_broadcast_progress_start AFTER INSERT ON wa_broadcasts BEGIN
        INSERT INTO wa_broadcast_progress (broadcast_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER wa_broadcast_progress_insert AFTER INSERT ON wa_messages WHEN NEW.broadcast_id IS NOT NULL BEGIN
        UPDATE wa_broadcast_progress SET ${shift('NEW', null)} WHERE broadcast_id = NEW.broadcast_id;
      END;
      CREATE TRIGGER wa_broadcast_progress_update AFTER UPDATE OF status ON wa_messages
        WHEN NEW.broadcast_id IS NOT NULL AND NEW.status <> OLD.status BEGIN
        UPDATE wa_broadcast_progress SET ${shift('NEW', 'OLD')} WHERE broadcast_id = NEW.broadcast_id;
      END;
      CREATE TRIGGER wa_broadcast_progress_delete AFTER DELETE ON wa_messages WHEN OLD.broadcast_id IS NOT NULL BEGIN
        UPDATE wa_broadcast_progress SET ${shift(null, 'OLD')} WHERE broadcast_id = OLD.broadcast_id;
      END;
    `);
  },
};
