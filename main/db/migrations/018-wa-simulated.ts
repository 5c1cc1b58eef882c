import type { Migration } from '../migrate.js';

/**
 * Messages "sent" by the dry-run provider went nowhere: a broadcast counts them as "uji coba"
 * (trial), not "Terkirim". They keep status 'sent' (the status CHECK would need a table rebuild);
 * a counter beside the others, kept by triggers like migration 012's, says how many of the sent
 * ones were only simulated.
 */
export const m018WaSimulated: Migration = {
  version: 18,
  name: 'wa-simulated',
  up(db) {
    db.exec(`
      ALTER TABLE wa_broadcast_progress ADD COLUMN simulated INTEGER NOT NULL DEFAULT 0;
      UPDATE wa_broadcast_progress SET simulated = (SELECT COUNT(*) FROM wa_messages m
        WHERE m.broadcast_id = wa_broadcast_progress.broadcast_id AND m.status = 'sent' AND m.provider = 'dry-run');
      CREATE TRIGGER wa_broadcast_simulated_update AFTER UPDATE OF status ON wa_messages
        WHEN NEW.broadcast_id IS NOT NULL AND NEW.provider = 'dry-run' AND (NEW.status = 'sent') <> (OLD.status = 'sent') BEGIN
        UPDATE wa_broadcast_progress SET simulated = simulated + (NEW.status = 'sent') - (OLD.status = 'sent') WHERE broadcast_id = NEW.broadcast_id;
      END;
      CREATE TRIGGER wa_broadcast_simulated_delete AFTER DELETE ON wa_messages
        WHEN OLD.broadcast_id IS NOT NULL AND OLD.provider = 'dry-run' AND OLD.status = 'sent' BEGIN
        UPDATE wa_broadcast_progress SET simulated = simulated - 1 WHERE broadcast_id = OLD.broadcast_id;
      END;
    `);
  },
};
