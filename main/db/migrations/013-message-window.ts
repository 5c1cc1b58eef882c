import type { Migration } from '../migrate.js';

/**
 * The WhatsApp dashboard's figures cover the messages of the last 24 hours, asked for up to four
 * times a second while a broadcast runs: a range of this index (ids are ULIDs, which sort by
 * creation time), read without touching the table. A 10,000-message broadcast today is 10,000
 * entries; reading them through the primary key and then each row cost more than the 10 ms the
 * screen may take. The status columns in it change with each send: the price, measured in the
 * drain figure of `npm run bench`.
 */
export const m013MessageWindow: Migration = {
  version: 13,
  name: 'message-window',
  up(db) {
    db.exec('CREATE INDEX wa_messages_window ON wa_messages (tenant_id, id, status, attempts, send_ms)');
  },
};
