import { measureRate } from './wa-rate.js';
import { measureThroughput } from './wa-throughput.js';

const RECIPIENTS = Number(process.env.RRNET_BENCH_WA_RECIPIENTS ?? 10_000);
const RATE_SECONDS = Number(process.env.RRNET_BENCH_WA_RATE_SECONDS ?? 60);
const TARGETS = {
  enqueueMs: 100,
  drainMs: 400,
  cpuMsPerMessage: 0.2,
  maxInAnySecond: 10,
  achievedRateTolerance: 0.02,
  broadcastListMs: 10,
  metricsMs: 10,
};

/** The WhatsApp section of `npm run bench`: enqueue, message creation, drain, the broadcast screens' queries, and rate accuracy. */
export async function measureWhatsapp(progress: (message: string) => void) {
  const throughput = await measureThroughput(RECIPIENTS, progress);
  const rate = await measureRate(10, RATE_SECONDS, progress);
  return {
    broadcast: throughput,
    rate,
    targets: TARGETS,
    met: {
      enqueue: throughput.enqueueMs < TARGETS.enqueueMs,
      drain: throughput.drainMs < TARGETS.drainMs,
      cpuPerMessage: throughput.cpuMsPerMessage < TARGETS.cpuMsPerMessage,
      broadcastList: throughput.screens.broadcastListMs < TARGETS.broadcastListMs,
      metrics: throughput.screens.metricsMs < TARGETS.metricsMs,
      maxInAnySecond: rate.maxInAnySecond <= TARGETS.maxInAnySecond,
      achievedRate: Math.abs(rate.achievedPerSecond - rate.ratePerSecond) / rate.ratePerSecond <= TARGETS.achievedRateTolerance,
    },
  };
}
