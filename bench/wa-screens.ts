import { performance } from 'node:perf_hooks';
import { encodeTime } from 'ulid';
import { call } from './bench-core.js';
import type { ShiftableClock, WaBenchCore } from './wa-fixture.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const RUNS = 50;
/** Statuses of a finished broadcast's messages, in proportion. */
const OUTCOMES = ['read', 'read', 'read', 'delivered', 'delivered', 'sent', 'failed'] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * A log of `total` messages as an ISP builds it up: one 10,000-recipient broadcast a day going back
 * as many days as it takes (each with its full recipient list, through wa.broadcast.create), their
 * messages finished (read, delivered, sent or failed). Rows are written straight into the table: a
 * real drain of 200,000 messages would take minutes and measure nothing here. The progress counters
 * are kept by the same triggers as in use.
 */
function seedLog(bench: WaBenchCore, clock: ShiftableClock, packageId: string, total: number) {
  const db = bench.core.db;
  const existing = db.prepare('SELECT COUNT(*) FROM wa_messages').pluck().get() as number;
  const insert = db.prepare(`INSERT INTO wa_messages (id, tenant_id, idempotency_key, event, template_key, entity_type, entity_id, broadcast_id,
      to_number, content, status, provider, provider_message_id, attempts, created_at, sent_at, send_ms, updated_at)
    VALUES (?, ?, ?, 'broadcast', 'manual_broadcast', 'customer', ?, ?, ?, ?, ?, 'fonnte', ?, 1, ?, ?, ?, ?)`);
  const broadcasts: { id: string; total: number }[] = [];
  return (async () => {
    let left = total - existing;
    for (let day = 1; left > 0; day++) {
      // A day apart, and yesterday's an hour outside the last 24 hours the metrics cover.
      const back = day * DAY_MS + HOUR_MS;
      clock.shift(-back);
      // Scheduled a year ahead, so its feeder never runs: its messages are written below.
      const scheduledAt = new Date(clock.now() + 365 * DAY_MS).toISOString();
      const broadcast = await call<{ id: string; total: number }>(bench.core, bench.session, 'wa.broadcast.create', {
        filter: { kind: 'package', packageId },
        message: 'Pemeliharaan jaringan Minggu 01.00-03.00 WIB.',
        scheduledAt,
      });
      const at = clock.now();
      clock.shift(back);
      const count = Math.min(left, broadcast.total);
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const id = `${encodeTime(at + i, 10)}${String(i).padStart(16, '0')}`;
          const status = OUTCOMES[i % OUTCOMES.length] as string;
          insert.run(id, bench.tenantId, `bench:${broadcast.id}:${i}`, `c-${i}`, broadcast.id, `+62812${String(10_000_000 + i)}`,
            'Pemeliharaan jaringan Minggu 01.00-03.00 WIB.', status, status === 'failed' ? null : `f-${day}-${i}`, at + i,
            status === 'failed' ? null : at + i + 900, status === 'failed' ? null : 900 + (i % 400), at + i + 900);
        }
        db.prepare('UPDATE wa_broadcasts SET fed = total, scheduled_at = created_at WHERE id = ?').run(broadcast.id);
      })();
      broadcasts.push(broadcast);
      left -= count;
    }
    return broadcasts.length;
  })();
}

/**
 * What a running broadcast's screens ask for up to four times a second, with `total` messages in
 * the log: the broadcast list (with each one's progress) and the dashboard's metrics. Median of
 * RUNS calls through the contract, as the screens make them.
 */
export async function measureScreens(bench: WaBenchCore, clock: ShiftableClock, packageId: string, total: number) {
  const broadcasts = await seedLog(bench, clock, packageId, total);
  const messages = bench.core.db.prepare('SELECT COUNT(*) FROM wa_messages').pluck().get() as number;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  /** Median wall time, and the process's CPU time per call (which a busy machine inflates less). */
  const timed = async (method: string) => {
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await call(bench.core, bench.session, method, {});
      times.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { ms: round(median(times)), cpuMs: round((cpu.user + cpu.system) / 1_000 / RUNS) };
  };
  await timed('wa.broadcast.list');
  await timed('wa.metrics');
  const list = await timed('wa.broadcast.list');
  const metrics = await timed('wa.metrics');
  return { messages, broadcasts, broadcastListMs: list.ms, broadcastListCpuMs: list.cpuMs, metricsMs: metrics.ms, metricsCpuMs: metrics.cpuMs };
}
