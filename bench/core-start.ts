/**
 * Child process of bench/run.ts: how long the core takes from a cold process to answering the
 * first customers.list on an existing database, and how much memory it then holds. Prints one
 * JSON object on stdout.
 *
 *   node --import tsx bench/core-start.ts <dataDir>   (session token in RRNET_BENCH_SESSION)
 */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const dataDir = process.argv[2];
const session = process.env.RRNET_BENCH_SESSION;
if (!dataDir || !session) {
  console.error('usage: node --import tsx bench/core-start.ts <dataDir>  (RRNET_BENCH_SESSION=<token>)');
  process.exit(2);
}

const { createCore } = await import('../main/core/index.js');
const { createSecretBox, loadOrCreateKeyFile } = await import('../main/secrets/index.js');
const imported = performance.now();

const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)) });
const created = performance.now();

const result = await core.call('customers.list', {}, { session, locale: 'id' });
const ready = performance.now();
if (!result.ok) {
  console.error('first customers.list failed', result.error);
  process.exit(1);
}

const rssMb = process.memoryUsage().rss / 1024 / 1024;
await core.close();
process.stdout.write(
  JSON.stringify({
    importMs: imported - t0,
    createCoreMs: created - imported,
    firstListMs: ready - created,
    startToReadyMs: ready - t0,
    rssMb,
  }),
);
