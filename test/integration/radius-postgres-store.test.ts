import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresRadiusStore } from '../../main/isolir/executors/radius/postgres-radius-store.js';
import { RadiusDbError } from '../../main/isolir/executors/radius/radius-db-error.js';
import { RadiusExecutor } from '../../main/isolir/executors/radius/radius-executor.js';
import { freeTcpPort, startPostgres, type Postgres, type PostgresLogin } from '../support/postgres.js';
import { createRadiusDatabase, groupReplies } from '../support/radius-postgres.js';

/**
 * The PostgreSQL RADIUS store against a real PostgreSQL 15 (test/support/postgres.ts) holding
 * Debian's FreeRADIUS schema: the group moves isolir makes, the open session a Disconnect-Request
 * names, and each way the database can refuse, classified the way the operator has to act on it.
 */

const BUDI = 'budi@rtrw';
const FAST = { connectTimeoutMs: 2000, queryTimeoutMs: 5000 };

let postgres: Postgres;
let radius: PostgresLogin;
let store: PostgresRadiusStore;

const groups = async () => (await postgres.query<{ groupname: string }>(radius, 'SELECT groupname FROM radusergroup WHERE username = $1', [BUDI])).map((r) => r.groupname);

async function failure(run: () => Promise<unknown>): Promise<RadiusDbError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RadiusDbError);
  return error as RadiusDbError;
}

beforeAll(async () => {
  postgres = await startPostgres();
  radius = await createRadiusDatabase(postgres, 'radius');
  await groupReplies(postgres, radius, 'isolir', { 'Framed-Pool': 'pool-isolir', 'Mikrotik-Address-List': 'isolir' });
  await groupReplies(postgres, radius, 'paket-10m', { 'Mikrotik-Rate-Limit': '10M/10M' });
  store = new PostgresRadiusStore(radius, FAST);
}, 60_000);

afterAll(async () => {
  await store?.close();
  await postgres?.stop();
});

beforeEach(async () => {
  await postgres.query(radius, "DELETE FROM radusergroup; DELETE FROM radacct; INSERT INTO radusergroup (username, groupname, priority) VALUES ('budi@rtrw', 'paket-10m', 1)");
});

describe('PostgresRadiusStore on PostgreSQL 15 with FreeRADIUS schema', () => {
  it('isolate then reconnect: one radusergroup row that moves, and a repeat changes nothing', async () => {
    expect(await store.setGroup(BUDI, 'isolir')).toEqual({ changed: true });
    expect(await groups()).toEqual(['isolir']);
    expect(await store.setGroup(BUDI, 'isolir')).toEqual({ changed: false });
    expect(await groups()).toEqual(['isolir']);
    expect(await store.setGroup(BUDI, 'paket-10m')).toEqual({ changed: true });
    expect(await groups()).toEqual(['paket-10m']);
  });

  it('a user with two group rows (set by hand) is left in exactly the one group', async () => {
    await postgres.query(radius, "INSERT INTO radusergroup (username, groupname, priority) VALUES ('budi@rtrw', 'isolir', 2)");
    expect(await store.setGroup(BUDI, 'isolir')).toEqual({ changed: true });
    expect(await groups()).toEqual(['isolir']);
  });

  it('many moves of one user at once end with one row', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.setGroup(BUDI, i % 2 === 0 ? 'isolir' : 'paket-10m')));
    expect(await groups()).toHaveLength(1);
  });

  it('hasGroup: only a group with reply attributes counts', async () => {
    expect(await store.hasGroup('isolir')).toBe(true);
    expect(await store.hasGroup('tidak-ada')).toBe(false);
  });

  it('openSession: the newest session without a stop time, its inet address as plain text', async () => {
    expect(await store.openSession(BUDI)).toBeNull();
    await postgres.query(
      radius,
      `INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime, framedipaddress) VALUES
        ('old', 'u1', $1, '10.0.0.1', now() - interval '2 hours', now() - interval '1 hour', '10.10.1.20'),
        ('81a00001', 'u2', $1, '10.0.0.1', now() - interval '30 minutes', NULL, '10.10.1.23'),
        ('81a00000', 'u3', $1, '10.0.0.1', now() - interval '50 minutes', NULL, '10.10.1.22')`,
      [BUDI],
    );
    expect(await store.openSession(BUDI)).toEqual({ acctSessionId: '81a00001', framedIp: '10.10.1.23' });
  });

  it('a session accounting gave no address answers an empty address', async () => {
    await postgres.query(radius, "INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime) VALUES ('s1', 'u9', $1, '10.0.0.1', now())", [BUDI]);
    expect(await store.openSession(BUDI)).toEqual({ acctSessionId: 's1', framedIp: '' });
  });

  it('check passes on the full schema', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });

  it('names with quotes and SQL in them are values, never SQL', async () => {
    const name = "o'brien; DROP TABLE radacct; --";
    expect(await store.setGroup(name, 'isolir')).toEqual({ changed: true });
    expect(await store.openSession(name)).toBeNull();
    await expect(store.check()).resolves.toBeUndefined();
  });
});

describe('PostgresRadiusStore: what stands in the way, classified', () => {
  it('a wrong password: RADIUS_DB_AUTH_FAILED, from the real server', async () => {
    const wrong = new PostgresRadiusStore({ ...radius, password: 'salah' }, FAST);
    try {
      const error = await failure(() => wrong.check());
      expect(error.code).toBe('RADIUS_DB_AUTH_FAILED');
      expect(error.message).toMatch(/password authentication failed/);
    } finally {
      await wrong.close();
    }
  });

  it('a database that does not exist: RADIUS_DB_NOT_FOUND', async () => {
    const wrong = new PostgresRadiusStore({ ...radius, database: 'radius_tidak_ada' }, FAST);
    try {
      expect((await failure(() => wrong.check())).code).toBe('RADIUS_DB_NOT_FOUND');
    } finally {
      await wrong.close();
    }
  });

  it('nothing listening on the port: RADIUS_DB_UNREACHABLE', async () => {
    const wrong = new PostgresRadiusStore({ ...radius, port: await freeTcpPort() }, FAST);
    try {
      expect((await failure(() => wrong.hasGroup('isolir'))).code).toBe('RADIUS_DB_UNREACHABLE');
    } finally {
      await wrong.close();
    }
  });

  it('a server that accepts the connection and then says nothing: unreachable once the connect timeout passes, never a hang', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const wrong = new PostgresRadiusStore({ ...radius, port }, { connectTimeoutMs: 300, queryTimeoutMs: 300 });
    try {
      const error = await failure(() => wrong.setGroup(BUDI, 'isolir'));
      expect(error.code).toBe('RADIUS_DB_UNREACHABLE');
      expect(error.message).toMatch(/timeout/i);
    } finally {
      await wrong.close();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a database without FreeRADIUS tables: RADIUS_DB_TABLES_MISSING naming them, for check and for isolir', async () => {
    const empty = await postgres.createDatabase('kosong', { user: 'kosong_user', password: 'sandi-kosong' });
    await postgres.query(empty, 'CREATE TABLE radacct (radacctid bigserial PRIMARY KEY)');
    const wrong = new PostgresRadiusStore(empty, FAST);
    try {
      const error = await failure(() => wrong.check());
      expect(error.code).toBe('RADIUS_DB_TABLES_MISSING');
      expect(error.message).toBe('radusergroup, radreply, radgroupreply');
      expect((await failure(() => wrong.hasGroup('isolir'))).code).toBe('RADIUS_DB_TABLES_MISSING');
    } finally {
      await wrong.close();
    }
  });

  it("FreeRADIUS's own setup.sql grants (SELECT only on radusergroup): check says RADIUS_DB_NO_RIGHTS, and a move is refused the same way", async () => {
    await postgres.query(postgres.admin, "CREATE ROLE freerad_ro LOGIN PASSWORD 'sandi-ro'");
    await postgres.query(radius, 'GRANT SELECT ON radusergroup, radreply, radgroupreply, radacct TO freerad_ro');
    const readOnly = new PostgresRadiusStore({ ...radius, user: 'freerad_ro', password: 'sandi-ro' }, FAST);
    try {
      expect((await failure(() => readOnly.check())).code).toBe('RADIUS_DB_NO_RIGHTS');
      expect((await failure(() => readOnly.setGroup(BUDI, 'isolir'))).code).toBe('RADIUS_DB_NO_RIGHTS');
      expect(await groups()).toEqual(['paket-10m']);
    } finally {
      await readOnly.close();
    }
  });

  it('the server goes down and comes back: unreachable meanwhile, then the same store works again (reconnects)', async () => {
    const own = new PostgresRadiusStore(radius, FAST);
    try {
      expect(await own.hasGroup('isolir')).toBe(true);
      await postgres.pause();
      expect((await failure(() => own.setGroup(BUDI, 'isolir'))).code).toBe('RADIUS_DB_UNREACHABLE');
      await postgres.start();
      expect(await own.setGroup(BUDI, 'isolir')).toEqual({ changed: true });
      expect(await groups()).toEqual(['isolir']);
    } finally {
      await own.close();
    }
  });

  it('the executor turns each into an isolir failure with its code: a wrong password needs a person, an unreachable server is retried', async () => {
    const nas = { host: '127.0.0.1', port: 3799, secret: 'x' };
    const customer = { id: '01JCUST0000000000000000BUD', username: BUDI, serviceType: 'pppoe' } as const;
    const wrong = new PostgresRadiusStore({ ...radius, password: 'salah' }, FAST);
    const away = new PostgresRadiusStore({ ...radius, port: await freeTcpPort() }, FAST);
    try {
      const refused = await new RadiusExecutor(wrong).isolate({ nas, isolirGroup: 'isolir' }, customer);
      expect(refused).toMatchObject({ outcome: 'failed', failure: { code: 'RADIUS_DB_AUTH_FAILED', retryable: false } });
      const unreachable = await new RadiusExecutor(away).isolate({ nas, isolirGroup: 'isolir' }, customer);
      expect(unreachable).toMatchObject({ outcome: 'failed', failure: { code: 'RADIUS_DB_UNREACHABLE', retryable: true } });
    } finally {
      await wrong.close();
      await away.close();
    }
  });
});
