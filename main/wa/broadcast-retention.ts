import type { Db } from '../db/index.js';

/**
 * A broadcast keeps its recipient list (600 kB for 10,000 people) only to feed its messages. Once
 * fed in full or cancelled, the list is cleared after `before` (epoch ms); the broadcast's row,
 * counts and messages stay.
 */
export function pruneBroadcastRecipients(db: Db, before: number): number {
  return db
    .prepare(`UPDATE wa_broadcasts SET recipients = '[]' WHERE recipients <> '[]' AND (status = 'cancelled' OR fed >= total) AND updated_at < ?`)
    .run(before).changes;
}
