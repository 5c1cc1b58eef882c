import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { startFreeRadiusOnPostgres, type FreeRadiusServer } from '../support/freeradius.js';
import { startPostgres, type Postgres, type PostgresLogin } from '../support/postgres.js';
import { accountingStart, login } from '../support/radius-nas.js';
import { createRadiusDatabase, groupReplies } from '../support/radius-postgres.js';

/**
 * RADIUS isolir as the product runs it: no store handed to the core, only the tenant's "Database
 * FreeRADIUS" setting saved through the contract. A real PostgreSQL 15 with FreeRADIUS's schema, a
 * real FreeRADIUS on rlm_sql_postgresql reading it (its coa listener stands in for the router's
 * "RADIUS > Incoming"), and the core's isolir job between them: after isolation FreeRADIUS's
 * Access-Accept carries the isolir group's attributes, after reconnection the package's.
 */

const ISOLIR = { 'Framed-Pool': 'pool-isolir', 'Mikrotik-Address-List': 'isolir', 'Mikrotik-Rate-Limit': '256k/256k' };
const PAKET = { 'Framed-Pool': 'pool-pelanggan', 'Mikrotik-Rate-Limit': '10M/10M' };
/** createPackage's router profile: on a RADIUS router, the package's group. */
const PACKAGE_GROUP = 'hemat-10m';
const USERNAME = 'pelanggan.1';
const PASSWORD = 'kata-sandi-pelanggan';

let postgres: Postgres;
let radiusDb: PostgresLogin;
let freeradius: FreeRadiusServer;
let t: TestCore;
let owner: OwnerSession;
let customerId: string;
let sessions = 0;

const setting = (login: PostgresLogin) => ({ kind: 'postgresql' as const, host: login.host, port: login.port, database: login.database, user: login.user, password: login.password, path: '' });
const status = async () => (await ok(t.core, 'customers.get', { id: customerId }, owner.token)).status;
const latest = async () => (await ok(t.core, 'isolir.history', { customerId }, owner.token))[0];
const replies = async () => (await login(freeradius.authPort, freeradius.secret, USERNAME, PASSWORD)).attributes;
const request = (kind: 'isolir.isolate' | 'isolir.reconnect') => ok(t.core, kind, { customerIds: [customerId], reason: 'Uji RADIUS' }, owner.token);

async function online(): Promise<string> {
  sessions += 1;
  const acctSessionId = `81b0000${sessions}`;
  await accountingStart(freeradius.acctPort, freeradius.secret, { username: USERNAME, acctSessionId, framedIp: `10.10.1.${20 + sessions}` });
  return acctSessionId;
}

async function stopTime(acctSessionId: string): Promise<Date | null> {
  const [row] = await postgres.query<{ acctstoptime: Date | null }>(radiusDb, 'SELECT acctstoptime FROM radacct WHERE acctsessionid = $1', [acctSessionId]);
  return row?.acctstoptime ?? null;
}

beforeAll(async () => {
  postgres = await startPostgres();
  radiusDb = await createRadiusDatabase(postgres, 'radius');
  await groupReplies(postgres, radiusDb, 'isolir', ISOLIR);
  await groupReplies(postgres, radiusDb, PACKAGE_GROUP, PAKET);
  await postgres.query(radiusDb, "INSERT INTO radcheck (username, attribute, op, value) VALUES ($1, 'Cleartext-Password', ':=', $2)", [USERNAME, PASSWORD]);
  freeradius = await startFreeRadiusOnPostgres(radiusDb);
}, 60_000);

afterAll(async () => {
  await freeradius?.stop();
  await postgres?.stop();
});

beforeEach(async () => {
  await postgres.query(radiusDb, `DELETE FROM radusergroup; INSERT INTO radusergroup (username, groupname, priority) VALUES ('${USERNAME}', '${PACKAGE_GROUP}', 1)`);
  t = createTestCore();
  owner = await createOwner(t.core);
  const router = await ok(
    t.core,
    'routers.create',
    {
      name: 'Pusat',
      host: '127.0.0.1',
      username: 'rrnet',
      password: 'x',
      isolirMethod: 'radius',
      isolirProfile: 'isolir',
      radiusCoaPort: freeradius.coaPort,
      radiusSecret: freeradius.secret,
    },
    owner.token,
  );
  const packageId = await createPackage(t.core, owner.token);
  customerId = (await ok(t.core, 'customers.create', { ...customerInput(packageId, 1), routerId: router.id }, owner.token)).id;
  return () => t.cleanup();
});

describe('RADIUS isolir through the core on the PostgreSQL setting, with FreeRADIUS on rlm_sql_postgresql', () => {
  it('before the setting: the router is not set up; once saved, isolate and reconnect reach FreeRADIUS and the live session ends', async () => {
    await request('isolir.isolate');
    await t.core.jobs.runDue();
    expect(await latest()).toMatchObject({ status: 'failed', errorCode: 'ROUTER_NOT_SET_UP' });
    expect(await replies()).toEqual(PAKET);

    await ok(t.core, 'isolir.radiusDb.update', setting(radiusDb), owner.token);
    const session = await online();
    await ok(t.core, 'isolir.retry', { id: (await latest())?.id ?? '' }, owner.token);
    await t.core.jobs.runDue();

    expect(await latest()).toMatchObject({ kind: 'isolate', status: 'applied' });
    expect((await latest())?.answer).toMatch(/moved to group isolir; .*acknowledged/);
    expect(await status()).toBe('isolated');
    expect(await stopTime(session)).not.toBeNull();
    expect(await replies()).toEqual(ISOLIR);

    const isolatedSession = await online();
    await request('isolir.reconnect');
    await t.core.jobs.runDue();
    expect(await latest()).toMatchObject({ kind: 'reconnect', status: 'applied' });
    expect(await status()).toBe('active');
    expect(await stopTime(isolatedSession)).not.toBeNull();
    expect(await replies()).toEqual(PAKET);
  });

  it('a changed setting takes effect at the next request, without a restart: a wrong password fails plainly, the right one applies', async () => {
    await ok(t.core, 'isolir.radiusDb.update', setting(radiusDb), owner.token);
    await request('isolir.isolate');
    await t.core.jobs.runDue();
    expect(await status()).toBe('isolated');

    await ok(t.core, 'isolir.radiusDb.update', { ...setting(radiusDb), password: 'bukan-sandinya' }, owner.token);
    await request('isolir.reconnect');
    await t.core.jobs.runDue();
    const refused = await latest();
    expect(refused).toMatchObject({ kind: 'reconnect', status: 'failed', errorCode: 'RADIUS_DB_AUTH_FAILED' });
    expect(await status()).toBe('isolated');
    expect(await replies()).toEqual(ISOLIR);

    await ok(t.core, 'isolir.radiusDb.update', setting(radiusDb), owner.token);
    await ok(t.core, 'isolir.retry', { id: refused?.id ?? '' }, owner.token);
    await t.core.jobs.runDue();
    expect(await latest()).toMatchObject({ kind: 'reconnect', status: 'applied' });
    expect(await replies()).toEqual(PAKET);
  });
});
