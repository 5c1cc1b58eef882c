import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, METHOD_NAMES, contract, type MethodName } from '../../shared/contract/index.js';
import type { CallResult } from '../../shared/contract/errors.js';
import { startWebServer, type WebServer } from '../../main/web/index.js';
import { OWNER, createOwner, createTestCore, login, makeTempDir, ok, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';

/**
 * The renderer is never trusted: whatever arrives over IPC or HTTP, every contract method answers
 * with an error value and the core and its database stay healthy. The loop walks the contract, so
 * a method added tomorrow is covered without touching this file.
 */

const MB = 'x'.repeat(1024 * 1024);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value, b: [value] };
  return value;
}
function deeplyNestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values that are never a valid whole input (an object is expected). */
const BAD_WHOLE_INPUTS: [string, unknown][] = [
  ['number', 42],
  ['NaN', Number.NaN],
  ['string', 'customers'],
  ['huge string', MB],
  ['boolean', true],
  ['array', []],
  ['array of objects', [{}]],
  ['deep object', deeplyNested(2_000)],
  ['deep array', deeplyNestedArray(10_000)],
  ['function', () => 1],
  ['big array', Array.from({ length: 100_000 }, () => 1)],
];

/** Values put in place of one field. Those the field's own schema accepts are skipped. */
const BAD_FIELD_VALUES: [string, unknown][] = [
  ['number', 12345],
  ['negative', -1],
  ['float', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['string', 'not-it'],
  ['empty string', ''],
  ['1 MB string', MB],
  ['array', ['a', 'b']],
  ['null', null],
  ['object', { $gt: '' }],
  ['deep object', deeplyNested(500)],
  ['boolean', false],
];

/** Valid inputs for today's methods, so a bad field is tested beside good ones. A new method falls back to {}. */
function validInputs(packageId: string, userId: string): Partial<Record<MethodName, Record<string, unknown>>> {
  return {
    'setup.createOwner': { ...OWNER, username: 'pemilik-dua' },
    'auth.login': { username: OWNER.username, password: 'bukan-sandinya' },
    'auth.setLocale': { locale: 'id' },
    'auth.changePassword': { currentPassword: 'bukan-sandinya', newPassword: 'tetap-sama-saja' },
    'users.create': { username: 'baru', displayName: 'Baru', role: 'admin', password: 'rahasia-baru' },
    'users.update': { id: userId, displayName: 'Bu Pemilik' },
    'tenant.update': { name: OWNER.tenantName },
    'packages.list': { includeInactive: true },
    'packages.create': { name: 'Paket Uji', price: 100_000 },
    'billing.reports.closing': { kind: 'daily', date: '2026-01-05' },
    'billing.reports.export': { kind: 'daily', date: '2026-01-05', format: 'csv' },
    'packages.update': { id: packageId, price: 150_000 },
    'customers.list': { query: 'budi', limit: 10 },
    'customers.get': { id: packageId },
    'customers.create': customerInput(packageId, 1),
    'customers.update': { id: packageId, name: 'Budi' },
    'customers.deactivate': { id: packageId },
    'customers.reactivate': { id: packageId },
  };
}

const fieldsOf = (method: MethodName): Record<string, z.ZodType> => {
  const input = contract[method].input as z.ZodType;
  return input instanceof z.ZodObject ? (input.shape as Record<string, z.ZodType>) : {};
};

function expectWellFormedError(result: CallResult<unknown>, label: string): asserts result is Extract<CallResult<unknown>, { ok: false }> {
  expect(result, label).toMatchObject({ ok: false });
  if (result.ok) return;
  expect(ERROR_CODES, label).toContain(result.error.code);
  // INTERNAL means a handler threw something unplanned: a bug, even if the caller survives it.
  expect(result.error.code, label).not.toBe('INTERNAL');
  expect(typeof result.error.message, label).toBe('string');
  expect(result.error.message.length, label).toBeGreaterThan(0);
  expect(result.error.message.length, label).toBeLessThan(1_000);
  if (result.error.fields !== undefined) {
    for (const [field, message] of Object.entries(result.error.fields)) {
      expect(typeof message, `${label} fields.${field}`).toBe('string');
      expect(message.length, `${label} fields.${field}`).toBeLessThan(1_000);
    }
  }
  expect(JSON.stringify(result).length, `${label}: the error must not echo the input`).toBeLessThan(10_000);
}

describe('malformed input to every contract method', () => {
  let t: TestCore;
  let token: string;
  let inputs: ReturnType<typeof validInputs>;

  beforeAll(async () => {
    t = createTestCore();
    const owner = await createOwner(t.core);
    token = owner.token;
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
    inputs = validInputs(await createPackage(t.core, token), owner.userId);
  });
  afterAll(() => t.cleanup());

  /** auth.logout given {} really signs out; later calls need a live session to reach validation. */
  const liveSession = async () => {
    if (!t.core.sessionTenant(token)) token = await login(t.core, OWNER.username, OWNER.password);
    return token;
  };

  const callSafely = async (method: unknown, input: unknown, session: string | null): Promise<CallResult<unknown>> => {
    const pending = t.core.call(method, input, { session, locale: 'en' });
    expect(pending).toBeInstanceOf(Promise);
    return pending;
  };

  it('the contract has methods to test', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(10);
  });

  describe.each(METHOD_NAMES)('%s', (method) => {
    const isPublic = contract[method].roles === 'public';

    it.each(BAD_WHOLE_INPUTS)('refuses a whole input that is a %s', async (label, input) => {
      for (const session of [null, await liveSession()]) {
        const result = await callSafely(method, input, session);
        expectWellFormedError(result, `${method} <- ${label} (${session ? 'owner' : 'no session'})`);
        const expected = isPublic || session ? 'VALIDATION_FAILED' : 'UNAUTHENTICATED';
        expect(result.error.code, `${method} <- ${label}`).toBe(expected);
      }
    });

    it('refuses unknown extra fields, naming them', async () => {
      const base = inputs[method] ?? {};
      for (const extra of [{ isAdmin: true }, { tenantId: '01JH0000000000000000000000' }, { [MB.slice(0, 300)]: 1 }]) {
        const result = await callSafely(method, { ...base, ...extra }, await liveSession());
        expectWellFormedError(result, `${method} + ${Object.keys(extra)[0]!.slice(0, 20)}`);
        expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(result.error.fields ?? {})).toContain(Object.keys(extra)[0]);
      }
    });

    it('refuses a JSON body smuggling __proto__ or constructor', async () => {
      for (const body of ['{"__proto__": {"role": "owner"}}', '{"constructor": {"prototype": {"x": 1}}}']) {
        const result = await callSafely(method, JSON.parse(body), await liveSession());
        expectWellFormedError(result, `${method} <- ${body}`);
        expect(({} as Record<string, unknown>).role).toBeUndefined();
      }
    });

    it('refuses a wrong value in each field, with an error on that field', async () => {
      const base = inputs[method] ?? {};
      for (const [field, schema] of Object.entries(fieldsOf(method))) {
        for (const [label, value] of BAD_FIELD_VALUES) {
          if (schema.safeParse(value).success) continue;
          const result = await callSafely(method, { ...base, [field]: value }, await liveSession());
          const where = `${method}.${field} <- ${label}`;
          expectWellFormedError(result, where);
          expect(result.error.code, where).toBe('VALIDATION_FAILED');
          // The error sits on the field or inside it ("filter.kind", "enabledEvents.0").
          const onField = Object.keys(result.error.fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`));
          expect(onField, `${where}: ${JSON.stringify(result.error.fields)}`).toBe(true);
        }
      }
    });

    it('reports each missing required field by name', async () => {
      const base = inputs[method] ?? {};
      for (const [field, schema] of Object.entries(fieldsOf(method))) {
        if (schema.safeParse(undefined).success) continue;
        const { [field]: _dropped, ...rest } = base;
        const result = await callSafely(method, rest, await liveSession());
        expectWellFormedError(result, `${method} without ${field}`);
        expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(result.error.fields?.[field], `${method} without ${field}`).toBe('Required.');
      }
    });

    it('without a session, a protected method says UNAUTHENTICATED before looking at the input', async () => {
      if (isPublic) return;
      for (const session of [null, '', 'forged-token', MB]) {
        const result = await callSafely(method, inputs[method] ?? {}, session);
        expectWellFormedError(result, `${method} session=${String(session).slice(0, 12)}`);
        expect(result.error.code).toBe('UNAUTHENTICATED');
        expect(result.error.fields).toBeUndefined();
      }
    });
  });

  it.each<[string, unknown]>([
    ['an unknown name', 'customers.drop'],
    ['a prototype key', '__proto__'],
    ['an inherited key', 'toString'],
    ['a constructor key', 'constructor'],
    ['a near miss', 'Customers.list'],
    ['a padded name', ' customers.list'],
    ['a huge name', MB],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['customers.list']],
    ['an object', { method: 'customers.list' }],
    ['an object without a prototype', Object.create(null)],
    ['a symbol', Symbol('customers.list')],
    ['a deep array', deeplyNestedArray(10_000)],
  ])('refuses %s as the method with UNKNOWN_METHOD', async (_label, method) => {
    for (const session of [null, await liveSession()]) {
      const result = await callSafely(method, {}, session);
      expectWellFormedError(result, `method ${_label}`);
      expect(result.error.code).toBe('UNKNOWN_METHOD');
    }
  });

  it('refuses a session that is not a string without throwing', async () => {
    for (const session of [42, {}, [], true, Object.create(null)]) {
      const result = await t.core.call('auth.me', {}, { session: session as unknown as string });
      expectWellFormedError(result, `session ${typeof session}`);
      expect(result.error.code).toBe('UNAUTHENTICATED');
    }
    const odd = await t.core.call('customers.list', {}, { session: await liveSession(), locale: 'xx' as 'en' });
    expect(odd.ok).toBe(true);
    const noMeta = await t.core.call('auth.me', {}, null as unknown as undefined);
    expect(noMeta).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a search with a NUL on its field, and takes search-language characters as plain text', async () => {
    const session = await liveSession();
    for (const query of ['bu\0di', '\0', 'budi\0', '\0\0\0\0']) {
      const result = await callSafely('customers.list', { query }, session);
      expectWellFormedError(result, `query ${JSON.stringify(query)}`);
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.fields).toEqual({ query: 'Not valid.' });
    }
    for (const query of ['"', '""', 'NEAR(a b)', 'a*', '^budi', 'budi OR', 'a:b', '(', '%_\\', '\u202e', '\uffff\ud800']) {
      const result = await callSafely('customers.list', { query }, session);
      expect(result, `query ${JSON.stringify(query)}`).toMatchObject({ ok: true, data: { items: [] } });
    }
  });

  it('afterwards the core still answers and the database is intact', async () => {
    const session = await liveSession();
    const page = await ok(t.core, 'customers.list', {}, session);
    expect(page.items).toEqual([]);
    expect((await ok(t.core, 'customers.create', customerInput(inputs['packages.update']!.id as string, 99), session)).code).toBe('C00001');
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.core.db.pragma('foreign_key_check')).toEqual([]);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
    expect(t.core.db.prepare(`SELECT COUNT(*) FROM packages`).pluck().get()).toBe(1);
    // Nothing the loop sent was stored: the megabyte strings never reached a table.
    expect(t.core.db.prepare('SELECT MAX(LENGTH(row)) FROM change_log').pluck().get()).toBeLessThan(10_000);
  });
});

describe('malformed requests to web mode', () => {
  let dir: string;
  let server: WebServer;

  beforeAll(async () => {
    dir = makeTempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    server = await startWebServer({ dataDir: join(dir, 'data'), port: 0, ownerPassword: OWNER.password, staticDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** node:http rather than fetch: fetch normalises the targets this test needs to send as they are. */
  const raw = (target: string, headers: Record<string, string>) =>
    new Promise<{ status: number; contentType: string; json: unknown }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: target, headers: { 'x-rrnet-locale': 'en', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const contentType = res.headers['content-type'] ?? '';
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, contentType, json: contentType.startsWith('application/json') ? (JSON.parse(body) as unknown) : body });
        });
      });
      req.on('error', reject);
      req.end();
    });

  it.each(['/%', '/%zz', '/%E0%A4%A', '/assets/%ff.js', '/%00', '/index%00.html', '/a%2500%00b', '//[', '/x/%C0%80'])(
    'answers the static path %s with a structured 400, not a 500',
    async (target) => {
      const reply = await raw(target, { cookie: `rrnet_token=${server.token}` });
      expect(reply.status, target).toBe(400);
      expect(reply.contentType).toMatch(/^application\/json/);
      expect(reply.json).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { _: 'Invalid address.' } } });
    },
  );

  it('answers a WebSocket upgrade to a target that is not a URL without falling over', async () => {
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      let head = '';
      socket.on('data', (c: Buffer) => (head += c.toString('utf8')));
      socket.on('close', () => resolve(head));
      socket.write(['GET //[ HTTP/1.1', `Host: 127.0.0.1:${server.port}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'));
    });
    expect(refused).toMatch(/^HTTP\/1\.1 404/);
    expect((await raw('/', { cookie: `rrnet_token=${server.token}` })).status).toBe(200);
  });

  it('refuses a NUL in a search sent over HTTP with a 400 on the query field', async () => {
    const headers = { 'content-type': 'application/json', 'x-rrnet-token': server.token, 'x-rrnet-locale': 'en' };
    const login = await fetch(`${server.origin}/api/auth.login`, { method: 'POST', headers, body: JSON.stringify({ username: 'owner', password: OWNER.password }) });
    const { token } = (await login.json()) as { token: string };
    const reply = await fetch(`${server.origin}/api/customers.list`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'bu\0di' }) });
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { query: 'Not valid.' } } });
  });
});
