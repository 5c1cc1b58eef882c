/**
 * Child process of test/integration/wa-crash.test.ts, killed with SIGKILL at random points:
 *
 *   node --import tsx test/support/wa-crash-child.ts <dataDir> <fonnteUrl> [recipients]
 *
 * The first run (an empty data folder) makes a tenant with WhatsApp, `recipients` customers and
 * Fonnte at 50 messages a second, queues one broadcast to all of them and prints "queued <id>".
 * Every run prints "ready" once the core is up (crash recovery done), lets the queue work, and
 * prints "done" and exits 0 when every recipient has a message and none is left queued or sending.
 */
import { createCore } from '../../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../../main/secrets/index.js';
import { createOwner, ok } from './core-fixture.js';
import { seedCustomers, useFonnte } from './wa-harness.js';

const [dataDir, fonnteUrl, recipients = '300'] = process.argv.slice(2);
if (!dataDir || !fonnteUrl) {
  console.error('usage: node --import tsx test/support/wa-crash-child.ts <dataDir> <fonnteUrl> [recipients]');
  process.exit(2);
}

// The key file survives the kills, like the desktop app's key: the sealed Fonnte token stays readable.
const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)) });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (core.services.tenants.primaryId() === null) {
  const owner = await createOwner(core);
  core.services.tenants.applySubscription(owner.tenantId, { plan: 'premium', addons: [], status: 'active' });
  await seedCustomers(core, owner, Number(recipients));
  await useFonnte(core, owner, fonnteUrl, { ratePerSecond: 50 });
  const broadcast = await ok(core, 'wa.broadcast.create', { filter: { kind: 'all_active' }, message: 'Uji ketahanan.' }, owner.token);
  say(`queued ${broadcast.id}`);
}
say('ready');

// Unfinished: a message still queued or sending, or recipients the feeder has not turned into
// messages yet (right after the broadcast is created there are no messages at all).
const unfinished = core.db
  .prepare(`SELECT (SELECT COUNT(*) FROM wa_messages WHERE status IN ('queued', 'sending'))
    + (SELECT COUNT(*) FROM wa_broadcasts WHERE status <> 'cancelled' AND fed < total)`)
  .pluck();
const timer = setInterval(() => {
  if (unfinished.get() !== 0) return;
  clearInterval(timer);
  void core.close().then(() => {
    say('done');
    process.exit(0);
  });
}, 50);
