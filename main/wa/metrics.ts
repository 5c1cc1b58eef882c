import type { Db } from '../db/index.js';
import { firstIdAt, type Clock } from '../platform/index.js';

const DAY_MS = 86_400_000;

/**
 * Seed 000's monitoring figures, for the tenant's WhatsApp dashboard: the messages made in the last
 * 24 hours. Every query reads an index range (ids are ULIDs, which sort by creation time), never the
 * whole log: screens ask for this up to four times a second while a broadcast runs, and the log
 * keeps a year of messages.
 */
export function waMetrics(db: Db, clock: Clock, tenantId: string) {
  // One pass over the window: status, attempts and latency of each message, as compact arrays.
  const rows = db
    .prepare(`SELECT status IN ('sent', 'delivered', 'read'), status = 'failed', attempts, send_ms FROM wa_messages WHERE tenant_id = ? AND id >= ?`)
    .raw()
    .all(tenantId, firstIdAt(clock.now() - DAY_MS)) as [number, number, number, number | null][];
  const queueDepth = db
    .prepare(`SELECT COUNT(*) FROM wa_messages WHERE tenant_id = ? AND status IN ('queued', 'sending')`)
    .pluck()
    .get(tenantId) as number;
  let sent = 0;
  let failed = 0;
  let attempts = 0;
  const latencies: number[] = [];
  for (const [isSent, isFailed, tries, sendMs] of rows) {
    sent += isSent;
    failed += isFailed;
    attempts += tries;
    if (sendMs !== null) latencies.push(sendMs);
  }
  const sorted = Float64Array.from(latencies).sort();
  const pick = (q: number) => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0));
  return {
    sent24h: sent,
    failed24h: failed,
    queueDepth,
    sendLatencyMs: { p50: pick(0.5), p95: pick(0.95) },
    // Every attempt that did not end in a sent message was a provider error (or a crash).
    providerErrorRate: attempts === 0 ? 0 : Math.max(0, attempts - sent) / attempts,
  };
}
