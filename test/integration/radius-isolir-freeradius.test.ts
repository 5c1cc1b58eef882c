import { createHash, createHmac } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RadiusExecutor, type RadiusTarget } from '../../main/isolir/executors/radius/radius-executor.js';
import { ipv4, parse, RadiusAttr, RadiusCode, serialize, signRequest, text } from '../../main/isolir/executors/radius/radius-packet.js';
import { SqliteRadiusStore } from '../../main/isolir/executors/radius/sqlite-radius-store.js';
import { startFreeRadius, type FreeRadius } from '../support/freeradius.js';
import { accountingStart, exchange, login } from '../support/radius-nas.js';

/**
 * The RADIUS isolir executor against Debian's real FreeRADIUS 3.2 (test/support/freeradius.ts):
 * rlm_sql on the SQLite file the executor writes, and FreeRADIUS's own coa listener standing in
 * for the router's "RADIUS > Incoming". What a MikroTik would get is read back by logging in the
 * way RouterOS does; sessions exist because FreeRADIUS accounted them.
 */

const ISOLIR = { 'Framed-Pool': 'pool-isolir', 'Mikrotik-Address-List': 'isolir', 'Mikrotik-Rate-Limit': '256k/256k' };
const PAKET = { 'Framed-Pool': 'pool-pelanggan', 'Mikrotik-Rate-Limit': '10M/10M' };
const BUDI = { id: '01JCUST0000000000000000BUD', username: 'budi@rtrw', serviceType: 'pppoe' } as const;
const PASSWORD = 'kata-sandi-budi';

let radius: FreeRadius;
let store: SqliteRadiusStore;
let sessionCount = 0;

/** The executor aimed at FreeRADIUS's coa listener; fast tries: on loopback it answers in milliseconds or never. */
function executor(secret = radius.secret, port = radius.coaPort) {
  const radiusExecutor = new RadiusExecutor(store, { timeoutMs: 300, retries: 1 });
  const target: RadiusTarget = { nas: { host: '127.0.0.1', port, secret }, isolirGroup: 'isolir' };
  return {
    isolate: (customer: typeof BUDI) => radiusExecutor.isolate(target, customer),
    reconnect: (customer: typeof BUDI, group: string) => radiusExecutor.reconnect(target, customer, group),
  };
}

async function online(framedIp = '10.10.1.23'): Promise<string> {
  sessionCount += 1;
  const acctSessionId = `81a0000${sessionCount}`;
  await accountingStart(radius.acctPort, radius.secret, { username: BUDI.username, acctSessionId, framedIp });
  return acctSessionId;
}

const sessionStop = (acctSessionId: string) =>
  radius.db
    .prepare<[string], { acctstoptime: string | null; acctterminatecause: string }>(
      'SELECT acctstoptime, acctterminatecause FROM radacct WHERE acctsessionid = ?',
    )
    .get(acctSessionId);
const groups = () =>
  radius.db.prepare<[string], { groupname: string }>('SELECT groupname FROM radusergroup WHERE username = ?').all(BUDI.username);

beforeAll(async () => {
  radius = await startFreeRadius();
  const reply = radius.db.prepare("INSERT INTO radgroupreply (groupname, attribute, op, value) VALUES (?, ?, ':=', ?)");
  for (const [attribute, value] of Object.entries(ISOLIR)) reply.run('isolir', attribute, value);
  for (const [attribute, value] of Object.entries(PAKET)) reply.run('paket-10m', attribute, value);
  radius.db
    .prepare("INSERT INTO radcheck (username, attribute, op, value) VALUES (?, 'Cleartext-Password', ':=', ?)")
    .run(BUDI.username, PASSWORD);
  store = new SqliteRadiusStore(radius.dbPath);
}, 30_000);

afterAll(async () => {
  store?.close();
  await radius?.stop();
});

beforeEach(() => {
  radius.db.prepare('DELETE FROM radusergroup').run();
  radius.db.prepare("INSERT INTO radusergroup (username, groupname, priority) VALUES (?, 'paket-10m', 1)").run(BUDI.username);
  radius.db.prepare('UPDATE radacct SET acctstoptime = CURRENT_TIMESTAMP WHERE acctstoptime IS NULL').run();
});

describe('RADIUS isolir against FreeRADIUS 3.2', () => {
  it('before anything, the login gets the package and a signed Access-Accept (post-auth adds Message-Authenticator)', async () => {
    const answer = await login(radius.authPort, radius.secret, BUDI.username, PASSWORD);
    expect(answer.code).toBe(RadiusCode.AccessAccept);
    expect(answer.attributes).toEqual(PAKET);
    expect(answer.hasMessageAuthenticator).toBe(true);
    expect(answer.signedCorrectly).toBe(true);
  });

  it('isolate: the next login carries the isolir group, and FreeRADIUS acknowledged ending the live session', async () => {
    const session = await online();

    const result = await executor().isolate(BUDI);

    expect(result.outcome).toBe('applied');
    expect(result.outcome === 'applied' && result.confirmed).toMatch(/acknowledged: session 81a0000\d+ of budi@rtrw \(10\.10\.1\.23\) ended/);
    // The listener closed the session only because it verified and ACKed our Disconnect-Request.
    expect(sessionStop(session)).toMatchObject({ acctterminatecause: 'Admin-Reset' });
    expect(sessionStop(session)?.acctstoptime).not.toBeNull();
    const answer = await login(radius.authPort, radius.secret, BUDI.username, PASSWORD);
    expect(answer.attributes).toEqual(ISOLIR);
    expect(answer.hasMessageAuthenticator).toBe(true);
    expect(answer.signedCorrectly).toBe(true);
  });

  it('reconnect: back to the package group, and the isolated session is ended so the package applies now', async () => {
    await online();
    expect((await executor().isolate(BUDI)).outcome).toBe('applied');
    const isolatedSession = await online('10.99.0.5');

    const result = await executor().reconnect(BUDI, 'paket-10m');

    expect(result.outcome).toBe('applied');
    expect(sessionStop(isolatedSession)?.acctstoptime).not.toBeNull();
    expect(groups()).toEqual([{ groupname: 'paket-10m' }]);
    expect((await login(radius.authPort, radius.secret, BUDI.username, PASSWORD)).attributes).toEqual(PAKET);
  });

  it('isolating twice changes nothing more: one radusergroup row, and no second session to end', async () => {
    await online();
    const first = await executor().isolate(BUDI);
    const second = await executor().isolate(BUDI);

    expect(first.outcome).toBe('applied');
    expect(second).toEqual({ outcome: 'applied', confirmed: 'budi@rtrw already in group isolir; no open session to end' });
    expect(groups()).toEqual([{ groupname: 'isolir' }]);
  });

  it('a wrong secret: FreeRADIUS drops the request unanswered, the result is a classified failure and the session stays up', async () => {
    const session = await online();
    const logBefore = radius.log().length;

    const result = await executor('secret-yang-salah').isolate(BUDI);

    expect(result.outcome).toBe('unknown');
    expect(result.outcome !== 'applied' && result.failure).toMatchObject({ code: 'NAS_NO_ANSWER', retryable: true });
    expect(sessionStop(session)?.acctstoptime).toBeNull();
    expect(radius.log().slice(logBefore)).toMatch(/invalid Message-Authenticator/i);
  });

  it("after an unanswered Disconnect, running isolate again (the job's retry) ends the session it left up", async () => {
    const session = await online();
    expect((await executor('secret-yang-salah').isolate(BUDI)).outcome).toBe('unknown');
    expect(sessionStop(session)?.acctstoptime).toBeNull();

    const retry = await executor().isolate(BUDI);

    expect(retry.outcome).toBe('applied');
    expect(retry.outcome === 'applied' && retry.confirmed).toMatch(/^budi@rtrw already in group isolir; .* acknowledged/);
    expect(sessionStop(session)?.acctstoptime).not.toBeNull();
    expect(groups()).toEqual([{ groupname: 'isolir' }]);
  });

  it('no listener on the port: a classified failure at once, never applied', async () => {
    await online();
    const closedPort = await unusedPort();

    const result = await executor(radius.secret, closedPort).isolate(BUDI);

    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.failure.code).toBe('NAS_NOT_LISTENING');
    expect(result.outcome === 'failed' && result.failure.detail).toContain('budi@rtrw moved to group isolir');
  });

  it('a session accounted without an address: FreeRADIUS NAKs with Missing-Attribute, and the result says the router refused', async () => {
    await online('');

    const result = await executor().isolate(BUDI);

    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.failure).toMatchObject({ code: 'NAS_REFUSED', retryable: false });
    expect(result.outcome === 'failed' && result.failure.detail).toContain('Error-Cause 402 Missing-Attribute');
  });

  it('signed in the npm radius order (Request Authenticator first, then the HMAC over it), FreeRADIUS drops the packet; ours is ACKed', async () => {
    const acctSessionId = await online();
    const attributes = [
      text(RadiusAttr.UserName, BUDI.username),
      text(RadiusAttr.AcctSessionId, acctSessionId),
      ipv4(RadiusAttr.FramedIpAddress, '10.10.1.23'),
    ];

    const logBefore = radius.log().length;
    const wrongOrder = signInNpmRadiusOrder(attributes, radius.secret);
    expect(await exchange(radius.coaPort, wrongOrder, 700)).toBeNull();
    expect(radius.log().slice(logBefore)).toMatch(/invalid Message-Authenticator/i);

    const { bytes } = signRequest({ code: RadiusCode.DisconnectRequest, identifier: 2, attributes }, radius.secret, {
      messageAuthenticator: true,
    });
    const answer = await exchange(radius.coaPort, bytes);
    expect(answer === null ? null : parse(answer)?.code).toBe(RadiusCode.DisconnectAck);
  });
});

/**
 * The order the npm `radius` package uses for CoA/Disconnect: the Request Authenticator over the
 * packet with a zeroed Message-Authenticator, then the HMAC over the packet carrying that authenticator.
 */
function signInNpmRadiusOrder(attributes: ReturnType<typeof text>[], secret: string): Buffer {
  const withZeroMac = [...attributes, { type: RadiusAttr.MessageAuthenticator, value: Buffer.alloc(16) }];
  const base = { code: RadiusCode.DisconnectRequest, identifier: 1, attributes: withZeroMac };
  const unsigned = serialize({ ...base, authenticator: Buffer.alloc(16) });
  const authenticator = createHash('md5').update(Buffer.concat([unsigned, Buffer.from(secret)])).digest();
  const mac = createHmac('md5', secret).update(serialize({ ...base, authenticator })).digest();
  return serialize({ ...base, authenticator, attributes: [...attributes, { type: RadiusAttr.MessageAuthenticator, value: mac }] });
}

async function unusedPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
