import { connect } from 'node:net';
import { RouterOSAPI } from 'node-routeros';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSentence, SentenceReader } from '../../main/demo/index.js';
import { startRouterOsServer, type RouterOsServer, type RouterOsServerOptions } from '../support/routeros-server.js';
import { selfSignedCertificate } from '../support/self-signed.js';

/**
 * The fake router is only worth its tests if a real client cannot tell it from a router: here
 * node-routeros (as the console installs it) talks to it through its public API, nothing mocked.
 */

let server: RouterOsServer | null = null;
const clients: RouterOSAPI[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close().catch(() => undefined);
  await server?.close();
  server = null;
});

async function start(options: RouterOsServerOptions = {}): Promise<RouterOsServer> {
  server = await startRouterOsServer(options);
  return server;
}

async function login(s: RouterOsServer, user = 'admin', password = 'rahasia', tls = false): Promise<RouterOSAPI> {
  const client = new RouterOSAPI({ host: s.host, port: s.port, user, password, timeout: 3_000, ...(tls ? { tls: { rejectUnauthorized: false } } : {}) });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

describe('the RouterOS wire server speaks to node-routeros', () => {
  it('logs in the 6.43+ way and refuses a wrong password with RouterOS words', async () => {
    const s = await start({ version: '7.10' });
    await expect(login(s)).resolves.toBeDefined();
    await expect(login(s, 'admin', 'salah')).rejects.toMatchObject({ errno: 'CANTLOGIN' });
  });

  it('logs in with the pre-6.43 MD5 challenge, and refuses a wrong password there too', async () => {
    const s = await start({ version: '6.42' });
    const api = await login(s);
    expect(await api.write('/system/identity/print')).toEqual([{ name: 'MikroTik' }]);
    await expect(login(s, 'admin', 'salah')).rejects.toMatchObject({ errno: 'CANTLOGIN' });
  });

  it('carries words of every length encoding the client can send, both ways', async () => {
    const s = await start();
    const api = await login(s);
    // 1, 2, 3 and 4 length bytes (the 5-byte form starts at 256 MiB: see the codec test below).
    const lengths = [0x7f - 9, 0x80, 0x3fff - 9, 0x4000, 0x1fffff - 9, 0x200000];
    for (const length of lengths) {
      const comment = 'x'.repeat(length);
      const id = ((await api.write('/ip/firewall/address-list/add', ['=list=isolir', '=address=10.0.0.1', `=comment=${comment}`])) as { ret: string }[])[0]?.ret;
      const [row] = (await api.write('/ip/firewall/address-list/print', [`?.id=${id}`])) as { comment: string }[];
      expect(row?.comment.length).toBe(length);
    }
  });

  it('answers many tagged commands in flight at once, each to its own tag', async () => {
    const s = await start({ roundTripMs: 20 });
    s.seed('/ppp/secret', Array.from({ length: 40 }, (_, i) => ({ name: `pel${i}`, profile: `paket-${i}` })));
    const api = await login(s);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => api.write('/ppp/secret/print', [`?name=pel${i}`])));
    expect(answers.map((rows) => (rows[0] as { profile: string }).profile)).toEqual(Array.from({ length: 40 }, (_, i) => `paket-${i}`));
    expect(s.maxInFlight).toBe(40);
  });

  it('says !empty then !done for a print that finds nothing from 7.18 on, only !done before', async () => {
    for (const version of ['7.10', '7.18'] as const) {
      const s = await start({ version });
      const raw = await rawExchange(s, ['/ppp/secret/print', '?name=nobody', '.tag=7']);
      expect(raw).toEqual(version === '7.18' ? [['!empty', '.tag=7'], ['!done', '.tag=7']] : [['!done', '.tag=7']]);
      await s.close();
      server = null;
    }
  });

  it('filters with ? queries (including ?# operators) and .proplist', async () => {
    const s = await start();
    s.seed('/ppp/secret', [
      { name: 'andi', profile: 'paket-10', service: 'pppoe' },
      { name: 'budi', profile: 'isolir', service: 'pppoe' },
      { name: 'cici', profile: 'paket-20', service: 'any' },
    ]);
    const api = await login(s);
    expect(await api.write('/ppp/secret/print', ['?profile=isolir', '=.proplist=name'])).toEqual([{ name: 'budi' }]);
    const either = (await api.write('/ppp/secret/print', ['?name=andi', '?name=cici', '?#|', '=.proplist=name'])) as { name: string }[];
    expect(either.map((r) => r.name)).toEqual(['andi', 'cici']);
    const notPppoe = (await api.write('/ppp/secret/print', ['?service=pppoe', '?#!', '=.proplist=name'])) as { name: string }[];
    expect(notPppoe.map((r) => r.name)).toEqual(['cici']);
  });

  it('adds, sets, disables, enables and removes by .id or by name (numbers)', async () => {
    const s = await start();
    const api = await login(s);
    const [added] = (await api.write('/ppp/secret/add', ['=name=dedi', '=password=rahasia', '=profile=paket-10'])) as { ret: string }[];
    expect(added?.ret).toMatch(/^\*[0-9A-F]+$/);
    await api.write('/ppp/secret/set', [`=.id=${added?.ret}`, '=profile=isolir']);
    await api.write('/ppp/secret/disable', ['=numbers=dedi']);
    expect(s.table('/ppp/secret')[0]).toMatchObject({ name: 'dedi', profile: 'isolir', disabled: 'true' });
    await api.write('/ppp/secret/enable', [`=.id=${added?.ret}`]);
    expect(s.table('/ppp/secret')[0]?.disabled).toBe('false');
    await api.write('/ppp/secret/remove', ['=numbers=dedi']);
    expect(s.table('/ppp/secret')).toEqual([]);
  });

  it('traps what RouterOS refuses: an unknown item, a duplicate name, a read-only user writing', async () => {
    const s = await start({ users: [{ name: 'admin', password: 'rahasia', group: 'full' }, { name: 'lihat', password: 'baca', group: 'read' }] });
    const api = await login(s);
    await expect(api.write('/ppp/secret/remove', ['=.id=*99'])).rejects.toThrow('no such item');
    await api.write('/ppp/secret/add', ['=name=eka']);
    await expect(api.write('/ppp/secret/add', ['=name=eka'])).rejects.toThrow('already exists');
    const reader = await login(s, 'lihat', 'baca');
    await expect(reader.write('/ppp/secret/add', ['=name=fajar'])).rejects.toThrow('not enough permissions (9)');
    expect(await reader.write('/user/group/print', ['?name=read', '=.proplist=policy'])).toEqual([{ policy: expect.stringContaining('!write') }]);
  });

  it('writes dates per version: jul/14/2023 before 7.10, 2023-07-14 from 7.10', async () => {
    for (const [version, date] of [['6.49', 'jul/14/2023'], ['7.10', '2023-07-14']] as const) {
      const s = await start({ version });
      const api = await login(s);
      expect(await api.write('/system/clock/print')).toEqual([expect.objectContaining({ date })]);
      expect(await api.write('/system/resource/print')).toEqual([expect.objectContaining({ 'build-time': `${date} 10:00:00`, version: expect.stringContaining(version) })]);
      await api.close();
      await s.close();
      server = null;
    }
  });

  it('ends a session that sends commands before logging in with !fatal', async () => {
    const s = await start();
    expect(await rawExchange(s, ['/ppp/secret/print'], false)).toEqual([['!fatal', 'not logged in']]);
  });

  it('serves the API-SSL service over TLS with a self-signed certificate', async () => {
    const s = await start({ tls: selfSignedCertificate() });
    const api = await login(s, 'admin', 'rahasia', true);
    expect(await api.write('/system/identity/print')).toEqual([{ name: 'MikroTik' }]);
  });

  it('counts commands in flight, and keeps a silent command in flight until its connection ends', async () => {
    const s = await start();
    const api = await login(s);
    s.failNext(1, 'silent', '/ppp/secret/print');
    void api.write('/ppp/secret/print').catch(() => undefined);
    await api.write('/system/identity/print');
    expect(s.inFlight).toBe(1);
    s.dropConnections();
    await waitFor(() => s.inFlight === 0);
  });

  it('applies a command and then drops the connection when asked (the reply is lost, the change is made)', async () => {
    const s = await start();
    const api = await login(s);
    const closed = new Promise<void>((resolve) => api.once('close', resolve));
    s.failNext(1, 'drop-after-apply', '/ppp/secret/add');
    void api.write('/ppp/secret/add', ['=name=gita']).catch(() => undefined);
    await closed;
    expect(s.table('/ppp/secret').map((r) => r.name)).toEqual(['gita']);
  });

  it('refuses connections while down and takes them again when back on the same port', async () => {
    const s = await start();
    await s.setFault('down');
    await expect(login(s)).rejects.toMatchObject({ errno: 'ECONNREFUSED' });
    await s.setFault(null);
    await expect(login(s)).resolves.toBeDefined();
  });
});

describe('the RouterOS word codec', () => {
  it('encodes lengths with 1 to 5 bytes at the documented boundaries', async () => {
    const { encodeLength } = await import('../../main/demo/index.js');
    expect([...encodeLength(0x7f)]).toEqual([0x7f]);
    expect([...encodeLength(0x80)]).toEqual([0x80, 0x80]);
    expect([...encodeLength(0x3fff)]).toEqual([0xbf, 0xff]);
    expect([...encodeLength(0x4000)]).toEqual([0xc0, 0x40, 0x00]);
    expect([...encodeLength(0x1fffff)]).toEqual([0xdf, 0xff, 0xff]);
    expect([...encodeLength(0x200000)]).toEqual([0xe0, 0x20, 0x00, 0x00]);
    expect([...encodeLength(0xfffffff)]).toEqual([0xef, 0xff, 0xff, 0xff]);
    expect([...encodeLength(0x10000000)]).toEqual([0xf0, 0x10, 0x00, 0x00, 0x00]);
  });

  it('reads sentences split at any byte, and waits for a 5-byte length word still arriving', () => {
    const bytes = Buffer.concat([encodeSentence(['!re', `=comment=${'y'.repeat(300)}`, '.tag=1']), encodeSentence(['!done', '.tag=1'])]);
    const reader = new SentenceReader();
    const sentences: string[][] = [];
    for (const byte of bytes) sentences.push(...reader.push(Buffer.from([byte])));
    expect(sentences).toEqual([['!re', `=comment=${'y'.repeat(300)}`, '.tag=1'], ['!done', '.tag=1']]);
    expect(reader.push(Buffer.from([0xf0, 0x10, 0x00, 0x00, 0x00, 0x61]))).toEqual([]);
  });
});

/** Sends sentences over a bare socket and collects the reply sentences until `!done` (or `!fatal`). */
async function rawExchange(s: RouterOsServer, command: string[], logIn = true): Promise<string[][]> {
  const socket = connect(s.port, s.host);
  const reader = new SentenceReader();
  const replies: string[][] = [];
  const sentences: string[][] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      for (const sentence of reader.push(chunk)) {
        sentences.push(sentence);
        if (sentence[0] === '!fatal' || (sentence[0] === '!done' && sentence.includes('.tag=7'))) resolve();
        if (sentence[0] === '!done' && sentence.includes('.tag=login')) socket.write(encodeSentence(command));
      }
    });
    socket.on('connect', () => socket.write(logIn ? encodeSentence(['/login', '=name=admin', '=password=rahasia', '.tag=login']) : encodeSentence(command)));
  });
  socket.destroy();
  for (const sentence of sentences) if (!sentence.includes('.tag=login')) replies.push(sentence);
  return replies;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
