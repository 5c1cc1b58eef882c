import type { Migration } from '../migrate.js';

/**
 * A WhatsApp message is its own durable job: the send queue is `wa_send_queue`, one narrow
 * integer-keyed row per queued message, not one `jobs` row per message (issue 6: a jobs row cost a
 * claim, a 'done' and a lookup per message, more than the message's own writes).
 *
 * Why a table of its own and not columns on wa_messages: a send marks its message 'sending' before
 * the provider is called, and then writes the outcome. On the wide, text-keyed log row each of those
 * writes cost 20-30 us (the row rewritten, its partial indexes and the progress triggers); on this
 * row the mark costs a few. The log row is written once, with the outcome.
 * - message: the wa_messages rowid. A row exists exactly while its message is 'queued' in the log:
 *   what takes a message out of 'queued' (sent, failed, skipped, cancelled) deletes its row in the
 *   same transaction, what queues it again (a person's retry) adds one.
 * - run_at: when it is due (backoff, quiet hours, a per-number cap, a pause);
 * - tries: attempts since it was last queued by its trigger or by a person's retry, its retry
 *   budget (wa_messages.attempts keeps counting every try, for the log and the error rate);
 * - sending_at / sending_provider / sending_failover: set when the message is handed to a provider
 *   ('sending', committed before the provider gets the first byte), null while it waits. A restart
 *   that finds them set knows the message may have left (README, crash safety).
 * - wa_send_queue_due: the waiting messages in claim order; a message leaves it once, when it is handed over.
 * - The dashboard's window index (013, 017) holds only messages with an outcome (a message enters
 *   it once, when it is through); the queue depth comes from the unfinished index as before.
 * Upgrade: the queued and running send jobs hand their run_at and attempts over (a job the app died
 * running did not use its try); a message left 'sending' by the old code goes in flight here, as
 * the restart's recovery expects, its try not yet counted on the log row (the outcome counts it).
 * Then every send job goes (a message's history is on its row), and so does the message's job_id.
 */
export const m025WaOutbox: Migration = {
  version: 25,
  name: 'wa-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE wa_send_queue (
        message INTEGER PRIMARY KEY,
        run_at INTEGER NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        sending_at INTEGER,
        sending_provider TEXT,
        sending_failover INTEGER
      );
      INSERT INTO wa_send_queue (message, run_at, tries, sending_at, sending_provider, sending_failover)
        SELECT m.rowid, COALESCE(j.run_at, m.updated_at), MAX(0, COALESCE(j.attempts, 0) - (COALESCE(j.status, '') = 'running')),
            CASE WHEN m.status = 'sending' THEN m.updated_at END, CASE WHEN m.status = 'sending' THEN m.provider END,
            CASE WHEN m.status = 'sending' THEN m.failover END
          FROM wa_messages m LEFT JOIN jobs j ON j.id = m.job_id AND j.type = 'wa_send' AND j.status IN ('queued', 'running')
          WHERE m.status IN ('queued', 'sending');
      UPDATE wa_messages SET status = 'queued', attempts = MAX(0, attempts - 1) WHERE status = 'sending';
      DELETE FROM jobs WHERE type = 'wa_send';
      ALTER TABLE wa_messages DROP COLUMN job_id;
      CREATE INDEX wa_send_queue_due ON wa_send_queue (run_at, message) WHERE sending_at IS NULL;
      DROP INDEX wa_messages_window;
      CREATE INDEX wa_messages_window ON wa_messages (tenant_id, id, status, attempts, send_ms, provider) WHERE status NOT IN ('queued', 'sending');
    `);
  },
};
