/**
 * Child process of test/integration/billing-loop-concurrency.test.ts: a second (or third) office
 * on the same database file, running one tenant's day of the billing loop.
 *
 *   node --import tsx test/support/billing-scan-child.ts <dataDir> <tenantId> <day> <startAtMs>
 *
 * Opens a core on the folder, waits until the wall clock reaches startAtMs (so two children start
 * together), runs the day and prints what it did as one JSON line.
 */
import { createCore } from '../../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../../main/secrets/index.js';
import { pinnedClock } from './core-fixture.js';

const [dataDir, tenantId, day, startAt] = process.argv.slice(2);
if (!dataDir || !tenantId || !day || !startAt) {
  console.error('usage: node --import tsx test/support/billing-scan-child.ts <dataDir> <tenantId> <day> <startAtMs>');
  process.exit(2);
}

// The test's own clock: no scheduled run falls due in the child, only the day it is asked to run.
const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)), clock: pinnedClock() });
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
const result = core.services.billingLoop.runDay(tenantId, day);
await core.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
