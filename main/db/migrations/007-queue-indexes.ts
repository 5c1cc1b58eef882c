import type { Migration } from '../migrate.js';

/**
 * Indexes tuned by `npm run bench` (a 10,000-message broadcast):
 * - jobs are claimed ORDER BY run_at, id; with id in the index a claim reads its batch in order
 *   instead of sorting every due job of a broadcast (all share one run_at) on each claim, and as
 *   only queued jobs are in it, finishing a job leaves the index alone;
 * - every index on wa_messages is paid on each of 10,000 inserts: time-range queries use the ULID
 *   primary key (ids sort by creation time), the number filter is a substring match no index
 *   serves, and provider ids only exist once sent, so that index skips the unsent rows;
 * - a message changes status three times (queued, sending, sent): indexes keyed on status would
 *   be rewritten each time, so the ones that need a status are partial (only unfinished or only
 *   failed messages are in them) and the broadcast index leaves status out.
 */
export const m007QueueIndexes: Migration = {
  version: 7,
  name: 'queue-indexes',
  up(db) {
    db.exec(`
      DROP INDEX jobs_due;
      CREATE INDEX jobs_due ON jobs (type, run_at, id) WHERE status = 'queued';
      DROP INDEX jobs_by_tenant;
      DROP INDEX wa_messages_by_created;
      DROP INDEX wa_messages_by_recipient;
      DROP INDEX wa_messages_by_provider_id;
      CREATE INDEX wa_messages_by_provider_id ON wa_messages (provider_message_id) WHERE provider_message_id IS NOT NULL;
      DROP INDEX wa_messages_by_status;
      CREATE INDEX wa_messages_unfinished ON wa_messages (tenant_id) WHERE status IN ('queued', 'sending');
      CREATE INDEX wa_messages_failed ON wa_messages (tenant_id, updated_at) WHERE status = 'failed';
      DROP INDEX wa_messages_by_broadcast;
      CREATE INDEX wa_messages_by_broadcast ON wa_messages (broadcast_id) WHERE broadcast_id IS NOT NULL;
    `);
  },
};
