import type { Migration } from '../migrate.js';

/**
 * A broadcast keeps its recipients (as chosen when it was created) and how many of them have
 * become messages: the feeder turns them into messages chunk by chunk as the queue drains.
 */
export const m008BroadcastFeed: Migration = {
  version: 8,
  name: 'broadcast-feed',
  up(db) {
    db.exec(`
      ALTER TABLE wa_broadcasts ADD COLUMN message TEXT NOT NULL DEFAULT '';
      ALTER TABLE wa_broadcasts ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE wa_broadcasts ADD COLUMN fed INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
