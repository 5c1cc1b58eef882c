import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExecutorResult } from '../../main/isolir/executors/executor.js';
import { RadiusExecutor, type RadiusTarget } from '../../main/isolir/executors/radius/radius-executor.js';
import { SqliteRadiusStore } from '../../main/isolir/executors/radius/sqlite-radius-store.js';
import { startFakeNas, type FakeNas } from '../support/fake-nas.js';

/**
 * What the executor makes of a router's answers FreeRADIUS cannot be made to give (see
 * radius-isolir-freeradius.test.ts for the real one): silence with retries, NAKs by Error-Cause,
 * an answer signed with another secret, and a RADIUS database that is not there. Real UDP on
 * loopback, a real SQLite file with FreeRADIUS's schema.
 */

const SECRET = 'rahasia-nas';
const SCHEMA = `
  CREATE TABLE radgroupreply (id INTEGER PRIMARY KEY AUTOINCREMENT, groupname varchar(64) NOT NULL default '',
    attribute varchar(64) NOT NULL default '', op char(2) NOT NULL DEFAULT '=', value varchar(253) NOT NULL default '');
  CREATE TABLE radusergroup (id INTEGER PRIMARY KEY AUTOINCREMENT, username varchar(64) NOT NULL default '',
    groupname varchar(64) NOT NULL default '', priority int(11) NOT NULL default '1');
  CREATE TABLE radacct (radacctid INTEGER PRIMARY KEY AUTOINCREMENT, acctsessionid varchar(64) NOT NULL default '',
    username varchar(64) NOT NULL default '', acctstarttime datetime NULL default NULL, acctstoptime datetime NULL default NULL,
    framedipaddress varchar(15) NOT NULL default '');`;
const SARI = { id: '01JCUST0000000000000000SAR', username: 'sari', serviceType: 'pppoe' } as const;

let dir: string;
let db: Database.Database;
let store: SqliteRadiusStore;
let nas: FakeNas;

const target = (port = nas.port): RadiusTarget => ({ nas: { host: '127.0.0.1', port, secret: SECRET }, isolirGroup: 'isolir' });
const executor = () => new RadiusExecutor(store, { timeoutMs: 100, retries: 2 });
const failureOf = (result: ExecutorResult) => (result.outcome === 'applied' ? null : result.failure);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rrnet-radius-'));
  db = new Database(join(dir, 'radius.sqlite'));
  db.exec(SCHEMA);
  const reply = db.prepare("INSERT INTO radgroupreply (groupname, attribute, op, value) VALUES (?, ?, ':=', ?)");
  reply.run('isolir', 'Mikrotik-Address-List', 'isolir');
  reply.run('paket-20m', 'Mikrotik-Rate-Limit', '20M/20M');
  db.prepare("INSERT INTO radacct (acctsessionid, username, acctstarttime, framedipaddress) VALUES ('8100000a', 'sari', '2026-11-30 08:00:00', '10.10.2.7')").run();
  store = new SqliteRadiusStore(join(dir, 'radius.sqlite'));
  nas = await startFakeNas(SECRET);
});

afterEach(async () => {
  await nas.close();
  store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('RADIUS executor faults', () => {
  it('silence: the very same packet is tried 1 + retries times, then "unknown" (perhaps applied), never "applied"', async () => {
    nas.behave('silent');
    const result = await executor().isolate(target(), SARI);

    expect(result.outcome).toBe('unknown');
    expect(failureOf(result)).toMatchObject({ code: 'NAS_NO_ANSWER', retryable: true });
    expect(nas.received).toHaveLength(3);
    expect(new Set(nas.received.map((b) => b.toString('hex'))).size).toBe(1);
  });

  it('an answer signed with another secret is not believed: a classified failure that asks for the secret', async () => {
    nas.behave({ ackSignedWith: 'secret-lain' });
    const result = await executor().isolate(target(), SARI);

    expect(result.outcome).toBe('failed');
    expect(failureOf(result)).toMatchObject({ code: 'NAS_WRONG_SECRET', retryable: false });
  });

  it('NAK Session-Context-Not-Found: the session had ended already, so the move is applied', async () => {
    nas.behave({ nak: 503 });
    const result = await executor().isolate(target(), SARI);

    expect(result.outcome).toBe('applied');
    expect(result.outcome === 'applied' && result.confirmed).toContain('Session-Context-Not-Found');
  });

  it('NAK Resources-Unavailable is "busy, try later"; any other NAK is a refusal with the cause in the detail', async () => {
    nas.behave({ nak: 506 });
    expect(failureOf(await executor().isolate(target(), SARI))).toMatchObject({ code: 'NAS_BUSY', retryable: true });
    nas.behave({ nak: 501 });
    const refused = failureOf(await executor().isolate(target(), SARI));
    expect(refused).toMatchObject({ code: 'NAS_REFUSED', retryable: false });
    expect(refused?.detail).toContain('Error-Cause 501 Administratively-Prohibited');
  });

  it('the Disconnect-Request names the session as radacct has it: User-Name, Acct-Session-Id, Framed-IP-Address', async () => {
    await executor().isolate(target(), SARI);
    const sent = nas.received[0]?.toString('latin1') ?? '';
    expect(sent).toContain('sari');
    expect(sent).toContain('8100000a');
    expect(sent).toContain(Buffer.from([10, 10, 2, 7]).toString('latin1'));
  });

  it('offline customer: the group moves and nothing is sent; applied', async () => {
    db.prepare("UPDATE radacct SET acctstoptime = '2026-11-30 09:00:00'").run();
    const result = await executor().reconnect(target(), SARI, 'paket-20m');

    expect(result).toEqual({ outcome: 'applied', confirmed: 'sari moved to group paket-20m; no open session to end' });
    expect(nas.received).toHaveLength(0);
    expect(db.prepare('SELECT username, groupname, priority FROM radusergroup').all()).toEqual([
      { username: 'sari', groupname: 'paket-20m', priority: 1 },
    ]);
  });

  it('several groups or duplicate rows left by hand become exactly one row in the target group', async () => {
    const insert = db.prepare('INSERT INTO radusergroup (username, groupname, priority) VALUES (?, ?, ?)');
    insert.run('sari', 'paket-10m', 1);
    insert.run('sari', 'isolir', 2);
    insert.run('sari', 'isolir', 1);
    insert.run('joko', 'paket-10m', 1);

    await executor().isolate(target(), SARI);

    expect(db.prepare("SELECT groupname FROM radusergroup WHERE username = 'sari'").all()).toEqual([{ groupname: 'isolir' }]);
    expect(db.prepare("SELECT groupname FROM radusergroup WHERE username = 'joko'").all()).toEqual([{ groupname: 'paket-10m' }]);
  });

  it('a group without reply attributes (never set up) is refused before anyone is moved into it: that would be unrestricted', async () => {
    db.prepare("INSERT INTO radusergroup (username, groupname) VALUES ('sari', 'paket-20m')").run();
    const result = await executor().isolate({ ...target(), isolirGroup: 'isolir-baru' }, SARI);

    expect(result.outcome).toBe('failed');
    expect(failureOf(result)).toMatchObject({ code: 'RADIUS_GROUP_MISSING', retryable: false });
    expect(db.prepare("SELECT groupname FROM radusergroup WHERE username = 'sari'").all()).toEqual([{ groupname: 'paket-20m' }]);
    expect(nas.received).toHaveLength(0);
  });

  it('a RADIUS database that is not there: a classified failure, nothing sent, and no empty file made', async () => {
    const missing = join(dir, 'tidak-ada.sqlite');
    const result = await new RadiusExecutor(new SqliteRadiusStore(missing)).isolate(target(), SARI);

    expect(result.outcome).toBe('failed');
    expect(failureOf(result)).toMatchObject({ code: 'RADIUS_DB_UNAVAILABLE', retryable: true });
    expect(nas.received).toHaveLength(0);
    expect(() => readFileSync(missing)).toThrow();
  });
});
