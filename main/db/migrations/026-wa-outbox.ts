import type { Migration } from '../migrate.js';

/**
 * A WhatsApp message is its own durable job: wa_messages is the outbox, not one `jobs` row per
 * message beside it (issue 6: a jobs row cost a claim, a 'done' and a lookup per message, more than
 * the message's own writes).
 * - run_at: when a queued message is due (backoff, quiet hours, a per-number cap, a pause);
 * - tries: attempts since the message was last queued by its trigger or by a person's retry, its
 *   retry budget (attempts keeps counting every try, for the log and the error rate);
 * - wa_messages_due: the due queued messages in claim order. Only queued messages are in it, so a
 *   message leaves it once, at 'sending', and 'sent' or 'failed' do not touch it.
 * - The dashboard's window index (013, 017) holds only messages with an outcome: its status and
 *   attempts changed with every 'sending' and 'sent', and its upkeep was a fifth of a send's cost
 *   (issue 6). Now a message enters it once, when it is through; the figures it serves are about
 *   outcomes, and the queue depth comes from the unfinished index as before.
 * The queued and running send jobs hand their run_at and attempts over; then every send job goes
 * (a message's history is on its row), and so does the message's job_id.
 */
export const m026WaOutbox: Migration = {
  version: 26,
  name: 'wa-outbox',
  up(db) {
    db.exec(`
      ALTER TABLE wa_messages ADD COLUMN run_at INTEGER;
      ALTER TABLE wa_messages ADD COLUMN tries INTEGER NOT NULL DEFAULT 0;
      -- A job the app died running ('running') did not use its attempt: a queued message goes again.
      UPDATE wa_messages SET run_at = j.run_at, tries = MAX(0, j.attempts - (j.status = 'running'))
        FROM jobs j WHERE j.id = wa_messages.job_id AND j.type = 'wa_send' AND j.status IN ('queued', 'running')
          AND wa_messages.status IN ('queued', 'sending');
      UPDATE wa_messages SET run_at = updated_at WHERE status = 'queued' AND run_at IS NULL;
      DELETE FROM jobs WHERE type = 'wa_send';
      ALTER TABLE wa_messages DROP COLUMN job_id;
      CREATE INDEX wa_messages_due ON wa_messages (run_at, id) WHERE status = 'queued';
      DROP INDEX wa_messages_window;
      CREATE INDEX wa_messages_window ON wa_messages (tenant_id, id, status, attempts, send_ms, provider) WHERE status NOT IN ('queued', 'sending');
    `);
  },
};
