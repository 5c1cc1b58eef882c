import type { Db } from '../db/index.js';
import { firstIdAt, type Clock } from '../platform/index.js';

const DAY_MS = 86_400_000;

/** The send latency is read from the latest sends: enough for a stable p95, bounded however busy the day. */
const LATENCY_SAMPLE = 1_000;
/** The window index's condition, written the same way so SQLite may read that index. */
const THROUGH = `status NOT IN ('queued', 'sending')`;

/**
 * Seed 000's monitoring figures, for the tenant's WhatsApp dashboard: the messages made in the last
 * 24 hours. Screens ask for this up to four times a second while a broadcast runs, and the log keeps
 * a year of messages, so every query reads a range of an index and nothing else (migration 013:
 * ids are ULIDs, which sort by creation time): the counts over the whole window, the latency
 * percentiles over its latest LATENCY_SAMPLE sends. That index holds the messages with an outcome
 * only (migration 025: a send does not rewrite it twice on its way), so the error rate counts the
 * tries of those; a message still waiting or on its way counts once it is through.
 */

export function waMetrics(db: Db, clock: Clock, tenantId: string) {
  const since = firstIdAt(clock.now() - DAY_MS);
  const counts = db
    .prepare(`SELECT
        SUM(CASE WHEN status IN ('sent', 'delivered', 'read') AND provider IS NOT 'dry-run' THEN 1 ELSE 0 END) AS sent,
        SUM(CASE WHEN status = 'sent' AND provider = 'dry-run' THEN 1 ELSE 0 END) AS simulated,
        SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
        SUM(attempts) AS attempts
      FROM wa_messages WHERE tenant_id = ? AND id >= ? AND ${THROUGH}`)
    .get(tenantId, since) as { sent: number | null; simulated: number | null; failed: number | null; attempts: number | null };
  // Named: the window index also starts with tenant_id and holds status, and would be walked whole.
  const queueDepth = db
    .prepare(`SELECT COUNT(*) FROM wa_messages INDEXED BY wa_messages_unfinished WHERE tenant_id = ? AND status IN ('queued', 'sending')`)
    .pluck()
    .get(tenantId) as number;
  const latest = db
    .prepare(`SELECT send_ms FROM wa_messages WHERE tenant_id = ? AND id >= ? AND ${THROUGH} AND send_ms IS NOT NULL ORDER BY id DESC LIMIT ?`)
    .pluck()
    .all(tenantId, since, LATENCY_SAMPLE) as number[];
  const latencies = Float64Array.from(latest).sort();
  const pick = (q: number) => (latencies.length === 0 ? 0 : (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0));
  const sent = counts.sent ?? 0;
  const attempts = counts.attempts ?? 0;
  return {
    sent24h: sent,
    // Dry-run trials: shown as "uji coba", never as sent.
    simulated24h: counts.simulated ?? 0,
    failed24h: counts.failed ?? 0,
    queueDepth,
    sendLatencyMs: { p50: pick(0.5), p95: pick(0.95) },
    // Every attempt that did not end in a sent message was a provider error (or a crash).
    providerErrorRate: attempts === 0 ? 0 : Math.max(0, attempts - sent - (counts.simulated ?? 0)) / attempts,
  };
}
