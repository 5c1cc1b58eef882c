import { performance } from 'node:perf_hooks';
import type { SendLimiter } from '../main/wa/index.js';
import { call, createWaBenchCore, seedRecipients, shiftableClock, type ShiftableClock, type WaBenchCore } from './wa-fixture.js';

const HOUR_MS = 60 * 60_000;

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
 * A broadcast scheduled an hour ahead: wa.broadcast.create through the dispatcher writes every
 * message and its job (idempotency keys included) in one transaction, and nothing starts sending.
 */
async function enqueue(bench: WaBenchCore, clock: ShiftableClock, packageId: string): Promise<{ ms: number; broadcast: Broadcast }> {
  const scheduledAt = new Date(clock.now() + HOUR_MS).toISOString();
  const start = performance.now();
  const broadcast = await call<Broadcast>(bench.core, bench.session, 'wa.broadcast.create', {
    filter: { kind: 'package', packageId },
    message: 'Pemeliharaan jaringan Minggu 01.00-03.00 WIB.',
    scheduledAt,
  });
  return { ms: performance.now() - start, broadcast };
}

/** The hour passes; every message goes through the real send handler to the dry-run provider. */
async function drain(bench: WaBenchCore, clock: ShiftableClock, broadcast: Broadcast) {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  clock.shift(HOUR_MS + 1_000);
  await bench.core.jobs.runDue();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const sent = bench.core.services.wa.broadcasts.progress(broadcast.id).sent;
  if (sent !== broadcast.total) throw new Error(`drain: ${sent} of ${broadcast.total} sent`);
  return { ms, cpuMsPerMessage: (cpu.user + cpu.system) / 1_000 / broadcast.total };
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
    await drain(bench, clock, warm.broadcast);

    progress(`whatsapp: enqueueing and draining a ${recipients}-recipient broadcast`);
    const queued = await enqueue(bench, clock, mainPackage);
    if (queued.broadcast.total !== recipients) throw new Error(`broadcast selected ${queued.broadcast.total} recipients`);
    const drained = await drain(bench, clock, queued.broadcast);
    return {
      recipients,
      enqueueMs: Math.round(queued.ms * 10) / 10,
      drainMs: Math.round(drained.ms * 10) / 10,
      cpuMsPerMessage: Math.round(drained.cpuMsPerMessage * 1_000) / 1_000,
    };
  } finally {
    await bench.close();
  }
}
