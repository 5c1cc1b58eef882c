/**
 * Child process of test/integration/isolir-crash.test.ts, killed with SIGKILL mid-run:
 *
 *   node --import tsx test/support/isolir-crash-child.ts <dataDir> <routerHost> <routerPort> [customers]
 *
 * The first run (an empty data folder) makes a tenant, a package, the router (the wire server in the
 * test's process, which outlives every child) and `customers` PPPoE customers pelanggan.1 ..., asks
 * to isolate them all in one request and prints "queued". Every run prints "ready" once the core is
 * up (its job queue has taken back what a kill interrupted), lets the queue work, and prints "done"
 * and exits 0 when every customer is isolated and no request is left pending.
 */
import { createCore } from '../../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../../main/secrets/index.js';
import { createOwner, ok } from './core-fixture.js';
import { createPackage, customerInput } from './customers.js';

const [dataDir, host, port, count = '200'] = process.argv.slice(2);
if (!dataDir || !host || !port) {
  console.error('usage: node --import tsx test/support/isolir-crash-child.ts <dataDir> <routerHost> <routerPort> [customers]');
  process.exit(2);
}

// The key file survives the kills, like the desktop app's key: the sealed router password stays readable.
const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)) });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (core.services.tenants.primaryId() === null) {
  const owner = await createOwner(core);
  const routerId = (await ok(core, 'routers.create', { name: 'Pusat', host, apiPort: Number(port), username: 'admin', password: 'rahasia' }, owner.token)).id;
  const packageId = await createPackage(core, owner.token);
  const ids = core.db.transaction(() =>
    Array.from({ length: Number(count) }, (_, i) => {
      const input = customerInput(packageId, i + 1, { routerId });
      return core.services.customers.create(owner.tenantId, {
        ...input,
        address: '',
        latitude: null,
        longitude: null,
        routerId,
        serviceType: 'pppoe',
        notes: '',
      }).id;
    }),
  )();
  await ok(core, 'isolir.isolate', { customerIds: ids, reason: 'Tunggakan' }, owner.token);
  say('queued');
}
say('ready');

const unfinished = core.db
  .prepare(`SELECT (SELECT COUNT(*) FROM customers WHERE status <> 'isolated') + (SELECT COUNT(*) FROM isolir_actions WHERE status = 'pending')`)
  .pluck();
const timer = setInterval(() => {
  if (unfinished.get() !== 0) return;
  clearInterval(timer);
  void core.close().then(() => {
    say('done');
    process.exit(0);
  });
}, 50);
