import type { Migration } from '../migrate.js';

/**
 * What the send path decides when a message is due, not when it is queued (issue 7):
 * - wa_messages.quiet: whether this message waits out quiet hours at all (automatic notices do;
 *   broadcasts only when they chose to; test sends never). Which kinds may go at night anyway is a
 *   setting (wa_settings.night_events), read at send time.
 * - wa_messages.held_until: set while the message waits for quiet hours to end, so screens can say
 *   when it goes and a settings change can release it.
 * - wa_broadcasts.respect_quiet_hours: the broadcast's own choice.
 * - wa_settings.send_gap_min_ms / send_gap_max_ms: a random pause between two messages (WhatsApp
 *   Web); NULL takes the provider's default.
 * - wa_settings.paused_code / paused_at: the queue stopped by a refusal every message would meet
 *   (a bad token), until a person fixes the settings.
 * - The dashboard's window index (013) also holds the provider: dry-run trials are counted apart
 *   from real sends without reading the table.
 */
export const m017WaSendTime: Migration = {
  version: 17,
  name: 'wa-send-time',
  up(db) {
    db.exec(`
      ALTER TABLE wa_messages ADD COLUMN quiet INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE wa_messages ADD COLUMN held_until INTEGER;
      CREATE INDEX wa_messages_held ON wa_messages (tenant_id, held_until) WHERE held_until IS NOT NULL;
      ALTER TABLE wa_broadcasts ADD COLUMN respect_quiet_hours INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE wa_settings ADD COLUMN night_events TEXT NOT NULL DEFAULT '["outage_started","outage_resolved"]';
      ALTER TABLE wa_settings ADD COLUMN send_gap_min_ms INTEGER;
      ALTER TABLE wa_settings ADD COLUMN send_gap_max_ms INTEGER;
      ALTER TABLE wa_settings ADD COLUMN paused_code TEXT;
      ALTER TABLE wa_settings ADD COLUMN paused_at INTEGER;
      DROP INDEX wa_messages_window;
      CREATE INDEX wa_messages_window ON wa_messages (tenant_id, id, status, attempts, send_ms, provider);
      -- Dry-run is never a fallback: one that was chosen as such is dropped.
      UPDATE wa_settings SET fallback_provider = NULL WHERE fallback_provider = 'dry-run';
    `);
  },
};
