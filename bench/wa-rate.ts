import { startFonnteServer } from '../test/support/fonnte-server.js';
import { maxInAnyWindow } from '../test/support/wa-harness.js';
import { call } from './bench-core.js';
import { createWaBenchCore, seedRecipients } from './wa-fixture.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * (c) Rate accuracy: a broadcast of `rate x seconds` messages through the real rate limiter and the
 * real Fonnte adapter, whose HTTP goes to the local Fonnte stand-in, which answers at once.
 * The arrival times are what a provider would count.
 */
export async function measureRate(rate: number, seconds: number, progress: (message: string) => void) {
  const server = await startFonnteServer({ tokens: ['bench-token'] });
  const bench = await createWaBenchCore({});
  try {
    await call(bench.core, bench.session, 'wa.settings.update', {
      provider: 'fonnte',
      fonnteToken: 'bench-token',
      fonnteBaseUrl: server.url,
      ratePerSecond: rate,
    });
    const messages = rate * seconds;
    const packageId = await seedRecipients(bench, messages, 20_000_000, 'Rate');
    progress(`whatsapp: ${messages} messages at ${rate}/s through the real limiter (about ${seconds} s)`);
    const broadcast = await call<{ id: string }>(bench.core, bench.session, 'wa.broadcast.create', { filter: { kind: 'package', packageId }, message: 'Uji laju.' });
    while (bench.core.services.wa.broadcasts.progress(broadcast.id).sent < messages) await sleep(250);
    const arrivals = server.received.map((r) => r.at);

    const spanSeconds = ((arrivals.at(-1) as number) - (arrivals[0] as number)) / 1_000;
    return {
      messages: arrivals.length,
      ratePerSecond: rate,
      seconds: Math.round(spanSeconds * 10) / 10,
      maxInAnySecond: maxInAnyWindow(arrivals, 1_000),
      // The limiter lets a full second's worth go together, so the run's steady rate is the messages
      // after the first second's batch over the time they took.
      achievedPerSecond: Math.round(((arrivals.length - rate) / spanSeconds) * 1_000) / 1_000,
    };
  } finally {
    await bench.close();
    await server.close();
  }
}
