import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../main/web/index.js';
import { HTTP_STATUS } from '../../main/web/http-status.js';
import { appErrorSchema, type ErrorCode } from '../../shared/contract/errors.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { makeTempDir } from '../support/core-fixture.js';
import { customerInput } from '../support/customers.js';

const OWNER_PASSWORD = 'pemilik-web-123';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
}

/** node:http rather than fetch: fetch will not let a test forge the Host header. */
function send(server: WebServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = JSON.parse(body);
          } catch {
            // not JSON (static files, plain-text refusals)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A CSP header as { directive: its sources }. */
function directivesOf(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('web mode (HTTP + WebSocket bridge)', () => {
  let dir: string;
  let server: WebServer;
  let session: string;
  let packageId: string;

  const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    send(server, `/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rrnet-token': server.token, ...headers },
      body: JSON.stringify(input),
    });
  const authed = (method: string, input: unknown, headers: Record<string, string> = {}) =>
    api(method, input, { authorization: `Bearer ${session}`, ...headers });

  /** The status of the code, and a body of exactly { error: { code, message, fields? } }. */
  const expectError = (reply: Reply, code: ErrorCode) => {
    expect(reply.status).toBe(HTTP_STATUS[code]);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(reply.json as object)).toEqual(['error']);
    const error = appErrorSchema.strict().parse((reply.json as { error: unknown }).error);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>RRNet</title></head><body></body></html>');
    server = await startWebServer({ dataDir: join(dir, 'data'), port: 0, ownerPassword: OWNER_PASSWORD, staticDir });
    const login = await api('auth.login', { username: 'owner', password: OWNER_PASSWORD });
    expect(login.status).toBe(200);
    session = (login.json as { token: string }).token;
    const pkg = await authed('packages.create', { name: 'Hemat 10 Mbps', price: 150_000 });
    packageId = (pkg.json as { id: string }).id;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('where it listens', () => {
    it('serves on 127.0.0.1 and says so in its url', () => {
      expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    });

    it('cannot be reached on any other address of this machine', async () => {
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal)
        .map((a) => a!.address);
      others.push('::1');
      for (const address of others) {
        const outcome = await new Promise<string>((resolve) => {
          const socket = connect({ host: address, port: server.port });
          socket.once('connect', () => {
            socket.destroy();
            resolve('connected');
          });
          socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        });
        expect(outcome, address).not.toBe('connected');
      }
    });
  });

  describe('the API door', () => {
    it('without the token: 401 and the error JSON', async () => {
      const reply = await send(server, '/api/setup.status', { method: 'POST', body: '{}' });
      expectError(reply, 'UNAUTHENTICATED');
      expectError(await api('setup.status', {}, { 'x-rrnet-token': `${server.token}x` }), 'UNAUTHENTICATED');
      expectError(await api('setup.status', {}, { 'x-rrnet-token': '' }), 'UNAUTHENTICATED');
    });

    it('refuses a foreign Origin with 403, even with the token', async () => {
      for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
        expectError(await api('setup.status', {}, { origin }), 'FORBIDDEN');
      }
      expect((await api('setup.status', {}, { origin: server.origin })).status).toBe(200);
    });

    it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
      for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1`]) {
        expectError(await api('setup.status', {}, { host }), 'FORBIDDEN');
      }
      expect((await api('setup.status', {}, { host: `localhost:${server.port}` })).status).toBe(200);
    });

    it('auth.login with the token signs in; a wrong password is a 401 in the asked language', async () => {
      const ok = await api('auth.login', { username: 'owner', password: OWNER_PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ token: expect.any(String), user: { username: 'owner', role: 'owner' }, tenant: { id: expect.any(String) } });
      const wrong = await api('auth.login', { username: 'owner', password: 'salah-salah' }, { 'x-rrnet-locale': 'en' });
      expectError(wrong, 'INVALID_CREDENTIALS');
      expect((wrong.json as { error: { message: string } }).error.message).toBe('Wrong username or password.');
    });

    it('a protected method needs the session as a Bearer token', async () => {
      expectError(await api('customers.list', {}), 'UNAUTHENTICATED');
      expectError(await api('customers.list', {}, { authorization: session }), 'UNAUTHENTICATED');
      const page = await authed('customers.list', {});
      expect(page.status).toBe(200);
      expect(page.json).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
    });

    it('maps each refusal to its HTTP status with { error: { code, message, fields? } }', async () => {
      const invalid = await authed('customers.create', customerInput(packageId, 1, { phone: '12' }));
      expectError(invalid, 'VALIDATION_FAILED');
      expect((invalid.json as { error: { fields: Record<string, string> } }).error.fields.phone).toMatch(/Nomor HP/);
      expectError(await authed('customers.drop', {}), 'UNKNOWN_METHOD');
      expectError(await authed('customers.get', { id: '01JH0000000000000000000000' }), 'NOT_FOUND');
      expectError(await authed('setup.createOwner', { tenantName: 'x', timezone: 'Asia/Jakarta', username: 'abc', displayName: 'x', password: '12345678' }), 'SETUP_DONE');
      expectError(await send(server, '/api/setup.status', { headers: { 'x-rrnet-token': server.token } }), 'UNKNOWN_METHOD');
    });

    it('refuses a body that is not JSON, and keeps serving', async () => {
      const garbage = await send(server, '/api/auth.login', { method: 'POST', headers: { 'x-rrnet-token': server.token }, body: '{"username": ' });
      expectError(garbage, 'VALIDATION_FAILED');
      expect((await api('setup.status', {})).status).toBe(200);
    });

    it('answers a body over 1 MB with a 413 and the error JSON, never a reset or an empty reply', async () => {
      const body = Buffer.alloc(2 * 1024 * 1024, 0x20);
      const declared = { 'x-rrnet-token': server.token, 'x-rrnet-locale': 'en', 'content-length': String(body.length) };
      // Chunked: the size is only known once the bytes pass the cap. Declared: refused from its header.
      for (const headers of [{ 'x-rrnet-token': server.token, 'x-rrnet-locale': 'en' }, declared]) {
        const replies = await Promise.all(Array.from({ length: 4 }, () => send(server, '/api/customers.create', { method: 'POST', headers, body })));
        for (const reply of replies) {
          expect(reply.status).toBe(413);
          expect(reply.headers['content-type']).toMatch(/^application\/json/);
          const error = appErrorSchema.strict().parse((reply.json as { error: unknown }).error);
          expect(error).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), fields: { _: 'The data sent is larger than 1 MB.' } });
        }
      }
      expect((await api('setup.status', {})).status).toBe(200);
    });
  });

  describe('the renderer files', () => {
    it('needs the token cookie, which the ?token= link sets', async () => {
      expect((await send(server, '/')).status).toBe(401);
      const link = await send(server, `/?token=${server.token}`);
      expect(link.status).toBe(302);
      expect(link.headers.location).toBe('/');
      const cookie = String(link.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const page = await send(server, '/', { headers: { cookie: cookie.split(';')[0]! } });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<meta name="rrnet-token" content="${server.token}">`);
      expect((await send(server, `/?token=wrong`)).status).toBe(401);
    });

    it('sends a strict CSP header whose connect-src is its own origin and its own events socket only', async () => {
      for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
        const page = await send(server, '/', { headers: { cookie: `rrnet_token=${server.token}`, host } });
        expect(page.status).toBe(200);
        const csp = String(page.headers['content-security-policy']);
        const directives = directivesOf(csp);
        expect(directives.get('connect-src')).toEqual(["'self'", `ws://${host}`]);
        expect(directives.get('script-src')).toEqual(["'self'"]);
        expect(directives.get('default-src')).toEqual(["'self'"]);
        expect(directives.get('object-src')).toEqual(["'none'"]);
        expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
        expect(csp).not.toMatch(/unsafe-eval/);
      }
    });

    it('never serves a file outside the renderer folder', async () => {
      const cookie = `rrnet_token=${server.token}`;
      for (const path of ['/../data/web-token', '/..%2fdata%2fweb-token', '/%2e%2e/%2e%2e/data/web-token', '/..%5cdata%5cweb-token', '/%E0%A4%A']) {
        const reply = await send(server, path, { headers: { cookie } });
        expect(reply.status, path).not.toBe(200);
        expect(reply.body, path).not.toContain(server.token);
      }
    });
  });

  describe('events over WebSocket', () => {
    const open = (query: string, headers: Record<string, string> = {}) =>
      new Promise<{ ws: WebSocket; next: () => Promise<DomainEvent> }>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events?${query}`, { headers });
        const queue: DomainEvent[] = [];
        const waiting: ((e: DomainEvent) => void)[] = [];
        ws.on('message', (data) => {
          const message = JSON.parse(String(data)) as { type: string; event: DomainEvent };
          expect(message.type).toBe('event');
          const waiter = waiting.shift();
          if (waiter) waiter(message.event);
          else queue.push(message.event);
        });
        ws.once('open', () =>
          resolve({
            ws,
            next: () => new Promise((r) => (queue.length ? r(queue.shift()!) : waiting.push(r))),
          }),
        );
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        ws.once('error', reject);
      });

    it('pushes customer_created to a signed-in screen after a create', async () => {
      const { ws, next } = await open(`token=${server.token}&session=${session}`);
      try {
        const created = await authed('customers.create', customerInput(packageId, 2));
        expect(created.status).toBe(200);
        let event = await next();
        while (event.name !== 'customer_created') event = await next();
        expect(event).toMatchObject({
          name: 'customer_created',
          tenantId: server.core.sessionTenant(session),
          payload: { customerId: (created.json as { id: string }).id },
          seq: expect.any(Number),
          at: expect.any(String),
        });
      } finally {
        ws.close();
      }
    });

    it('does not push one tenant events to another tenant screen', async () => {
      const { core } = server;
      const otherTenant = core.db.transaction(() => core.services.tenants.create({ name: 'ISP Tetangga', timezone: 'Asia/Makassar' }))();
      await core.services.accounts.create(otherTenant, { username: 'tetangga', displayName: 'Tetangga', role: 'owner', password: 'tetangga-123' });
      const theirSession = ((await api('auth.login', { username: 'tetangga', password: 'tetangga-123' })).json as { token: string }).token;
      const theirs = await open(`token=${server.token}&session=${theirSession}`);
      try {
        await authed('customers.create', customerInput(packageId, 3));
        const theirPackage = await api('packages.create', { name: 'Paket Tetangga', price: 99_000 }, { authorization: `Bearer ${theirSession}` });
        expect(theirPackage.status).toBe(200);
        const first = await theirs.next();
        expect(first).toMatchObject({ name: 'package_changed', tenantId: otherTenant });
      } finally {
        theirs.ws.close();
      }
    });

    it('closes the socket of a screen that stopped reading instead of queueing its events without bound', async () => {
      // A raw socket, so the test can stop reading right after the handshake (a frozen tab).
      const stalled = connect({ host: '127.0.0.1', port: server.port });
      let received = 0;
      let closedByServer = false;
      await new Promise<void>((resolve, reject) => {
        stalled.once('data', (head: Buffer) => {
          expect(head.toString('latin1')).toMatch(/^HTTP\/1\.1 101/);
          received += head.length;
          stalled.pause();
          resolve();
        });
        stalled.once('error', reject);
        stalled.write(
          [`GET /events?token=${server.token}&session=${session} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'),
        );
      });
      const reading = await open(`token=${server.token}&session=${session}`);
      const tenantId = server.core.sessionTenant(session) ?? '';
      // 4,000 events of 10 KB: 40 MB, far more than the socket buffers and the cap hold.
      const big = { broadcastId: 'x'.repeat(10_000) };
      for (let i = 0; i < 4_000; i++) {
        server.core.bus.announce('wa_activity', tenantId, big);
        // One at a time, as a busy core sends them: the screen that reads keeps up.
        await new Promise((r) => setImmediate(r));
      }
      const lastSmall = { broadcastId: 'last' };
      server.core.bus.announce('wa_activity', tenantId, lastSmall);
      try {
        // The screen that reads gets everything, the last event included.
        let seen = 0;
        for (let event = await reading.next(); (event.payload as { broadcastId: string }).broadcastId !== 'last'; event = await reading.next()) seen += 1;
        expect(seen).toBe(4_000);
        // The stalled one was cut off: once it reads again it finds the end of the stream, not 40 MB.
        stalled.on('data', (c: Buffer) => (received += c.length));
        stalled.on('close', () => (closedByServer = true));
        stalled.resume();
        await expect.poll(() => closedByServer, { timeout: 10_000 }).toBe(true);
        expect(received).toBeLessThan(20 * 1024 * 1024);
      } finally {
        reading.ws.close();
        stalled.destroy();
      }
    });

    it('refuses a socket without the token, without a live session, or from a foreign origin', async () => {
      await expect(open(`session=${session}`)).rejects.toThrow(/403/);
      await expect(open(`token=${server.token}`)).rejects.toThrow(/403/);
      await expect(open(`token=${server.token}&session=forged`)).rejects.toThrow(/403/);
      await expect(open(`token=${server.token}&session=${session}`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
      await expect(open(`token=${server.token}&session=${session}`, { host: `evil.example:${server.port}` })).rejects.toThrow(/403/);
    });
  });

  describe('the connection cap', () => {
    let capped: WebServer;
    const agents: Agent[] = [];

    beforeAll(async () => {
      capped = await startWebServer({ dataDir: join(dir, 'capped'), port: 0, ownerPassword: OWNER_PASSWORD, maxConnections: 3 });
    });
    afterAll(async () => {
      for (const agent of agents) agent.destroy();
      await capped?.close();
    });

    /** One request on its own connection, which stays open afterwards (a keep-alive page). */
    const onOwnConnection = () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      return new Promise<Reply>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: capped.port, path: '/api/setup.status', method: 'POST', agent, headers: { 'x-rrnet-token': capped.token, 'x-rrnet-locale': 'en' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const body = Buffer.concat(chunks).toString('utf8');
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: JSON.parse(body) as unknown });
            });
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    };

    it('serves that many connections at once and answers the rest with a 503 BUSY, in parallel', async () => {
      const replies = await Promise.all(Array.from({ length: 12 }, onOwnConnection));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
      const refused = replies.filter((r) => r.status !== 200);
      expect(refused).toHaveLength(9);
      for (const reply of refused) {
        expectError(reply, 'BUSY');
        expect(reply.status).toBe(503);
        expect(reply.headers.connection).toBe('close');
        expect((reply.json as { error: { message: string } }).error.message).toBe('Too many connections to RRNet Console. Close unused tabs and try again.');
      }
    });

    it('serves again once connections close', async () => {
      for (const agent of agents.splice(0)) agent.destroy();
      await expect.poll(async () => (await onOwnConnection()).status).toBe(200);
    });
  });

  it('closes connections that never send a request, so they cannot hold the capped slots', async () => {
    const idleServer = await startWebServer({ dataDir: join(dir, 'idle'), port: 0, ownerPassword: OWNER_PASSWORD, maxConnections: 2, headersTimeoutMs: 500 });
    const idle = [connect({ host: '127.0.0.1', port: idleServer.port }), connect({ host: '127.0.0.1', port: idleServer.port })];
    const answers = idle.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let answer = '';
          socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
          socket.on('close', () => resolve(answer));
        }),
    );
    try {
      await Promise.all(idle.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
      for (const answer of await Promise.all(answers)) expect(answer).toMatch(/^HTTP\/1\.1 408/);
      const reply = await fetch(`${idleServer.origin}/api/setup.status`, { method: 'POST', headers: { 'x-rrnet-token': idleServer.token }, body: '{}' });
      expect(reply.status).toBe(200);
    } finally {
      for (const socket of idle) socket.destroy();
      await idleServer.close();
    }
  });
});
