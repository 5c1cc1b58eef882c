import { performance } from 'node:perf_hooks';
import type { SendLimiter } from '../main/wa/index.js';
import { measureScreens } from './wa-screens.js';
import { call } from './bench-core.js';
import { createWaBenchCore, seedRecipients, shiftableClock, type ShiftableClock, type WaBenchCore } from './wa-fixture.js';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** The log size at which the broadcast screens are measured. */
const SCREEN_MESSAGES = 200_000;

/** Lets every send through at once: (b) measures the queue and the send handler, not the pacing. */
const noLimits: SendLimiter = {
  acquire: () => ({ waitMs: 0, recipientCapped: false }),
  settle: () => undefined,
};

interface Broadcast {
  id: string;
  total: number;
}

/**
 * A broadcast scheduled a day ahead through wa.broadcast.create and the dispatcher: the broadcast,
 * its recipients and its feeder job, durable in one transaction (the feeder makes the keyed
 * messages chunk by chunk when the time comes). A day, so that no drain below reaches its time:
 * its messages are not part of what the drain figure counts.
 */
async function enqueue(bench: WaBenchCore, clock: ShiftableClock, packageId: string): Promise<{ ms: number; broadcast: Broadcast }> {
  const scheduledAt = new Date(clock.now() + DAY_MS).toISOString();
  const start = performance.now();
  const broadcast = await call<Broadcast>(bench.core, bench.session, 'wa.broadcast.create', {
    filter: { kind: 'package', packageId },
    message: 'Pemeliharaan jaringan Minggu 01.00-03.00 WIB.',
    scheduledAt,
  });
  return { ms: performance.now() - start, broadcast };
}

/**
 * 10,000 messages queued (rendered, keyed, each row its own job in the outbox) for an hour ahead, as the broadcast
 * feeder and the notifier queue them: timed on its own. Then the hour passes and every one goes
 * through the real send handler to the dry-run provider; the drain figure times exactly these.
 */
async function drain(bench: WaBenchCore, clock: ShiftableClock, count: number, tag: string, broadcastId: string) {
  const runAt = clock.now() + HOUR_MS;
  const isp = 'Bench Net';
  const event = `bench-${tag}`;
  const requests = Array.from({ length: count }, (_, i) => ({
    event,
    templateKey: 'manual_broadcast' as const,
    to: `+62812${String(10_000_000 + i)}`,
    variables: { name: `Pelanggan ${i}`, isp_name: isp, message: 'Pemeliharaan jaringan Minggu 01.00-03.00 WIB.' },
    entityType: 'customer',
    entityId: `${tag}-${i}`,
    // Counted in a broadcast's progress, as a broadcast's messages are: the counters' upkeep is timed too.
    broadcastId,
    runAt,
  }));
  const createStart = performance.now();
  bench.core.services.wa.outbound.queueMany(bench.tenantId, requests);
  const createMs = performance.now() - createStart;

  const received = countDryRunSends(bench);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  clock.shift(HOUR_MS + 1_000);
  await bench.core.jobs.runDue();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  received.stop();

  // Every one of them, not a count that other messages could make up: each reached 'sent', and the
  // provider was handed each exactly once and nothing else.
  const sent = bench.core.db.prepare(`SELECT COUNT(*) FROM wa_messages WHERE event = ? AND status = 'sent'`).pluck().get(event) as number;
  if (sent !== count) throw new Error(`drain: ${sent} of ${count} messages sent`);
  if (received.count !== count || received.distinct !== count) {
    throw new Error(`drain: the provider received ${received.count} sends (${received.distinct} distinct) for ${count} messages`);
  }
  return { createMs, ms, cpuMsPerMessage: (cpu.user + cpu.system) / 1_000 / count };
}

/**
 * Counts what the dry-run provider is handed, by wrapping its send: the bench's own view of the
 * provider side, independent of what the message log says.
 */
function countDryRunSends(bench: WaBenchCore) {
  const provider = bench.core.services.wa.providers.get(bench.tenantId, 'dry-run');
  const original = provider.send;
  const references = new Set<string>();
  let count = 0;
  provider.send = (message, handover) => {
    count += 1;
    references.add(message.reference);
    return original(message, handover);
  };
  return {
    get count() {
      return count;
    },
    get distinct() {
      return references.size;
    },
    stop() {
      provider.send = original;
    },
  };
}

/**
 * (a) enqueue a 10,000-recipient broadcast durably, (b) drain 10,000 queued messages through the
 * send handler with no rate limit. A 1,000-recipient round first warms up the JIT and SQLite's cache,
 * as in an app that has been running.
 */
export async function measureThroughput(recipients: number, progress: (message: string) => void) {
  const clock = shiftableClock();
  const bench = await createWaBenchCore({ clock, wa: { limiter: noLimits } });
  try {
    progress(`whatsapp: seeding ${recipients} recipients`);
    const warmPackage = await seedRecipients(bench, 1_000, 90_000_000, 'Warm-up');
    const mainPackage = await seedRecipients(bench, recipients, 10_000_000, 'Bench');
    const warm = await enqueue(bench, clock, warmPackage);
    await drain(bench, clock, 1_000, 'warm', warm.broadcast.id);

    progress(`whatsapp: enqueueing a ${recipients}-recipient broadcast, draining ${recipients} queued messages`);
    const queued = await enqueue(bench, clock, mainPackage);
    if (queued.broadcast.total !== recipients) throw new Error(`broadcast selected ${queued.broadcast.total} recipients`);
    const drained = await drain(bench, clock, recipients, 'main', queued.broadcast.id);

    progress(`whatsapp: broadcast list and metrics with ${SCREEN_MESSAGES} messages in the log`);
    const screens = await measureScreens(bench, clock, mainPackage, SCREEN_MESSAGES);
    return {
      recipients,
      enqueueMs: Math.round(queued.ms * 10) / 10,
      createMessagesMs: Math.round(drained.createMs * 10) / 10,
      drainMs: Math.round(drained.ms * 10) / 10,
      cpuMsPerMessage: Math.round(drained.cpuMsPerMessage * 1_000) / 1_000,
      screens,
    };
  } finally {
    await bench.close();
  }
}
