import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { closedPort, recordingProbe, tcpProbe } from '../support/router-probes.js';
import type { MethodInput } from '../../shared/contract/index.js';
import type { Role } from '../../shared/domain/roles.js';

const ROUTER: MethodInput<'routers.create'> = { name: 'RB Pusat', host: '10.0.0.1', username: 'rrnet-api', password: 'rahasia-router' };

describe('routers (contract on a real SQLite file)', () => {
  let t: TestCore;
  let owner: OwnerSession;
  const recorder = recordingProbe();

  beforeEach(async () => {
    recorder.targets.length = 0;
    t = createTestCore({ routerProbe: recorder.probe });
    owner = await createOwner(t.core);
    // Premium: five routers, room for the tests that add several.
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'premium', addons: [], status: 'active' });
  });
  afterEach(() => t.cleanup());

  const storedRow = (id: string) =>
    t.core.db.prepare('SELECT password_ref, radius_secret_ref FROM routers WHERE id = ?').get(id) as { password_ref: string; radius_secret_ref: string | null };

  async function asRole(role: Role): Promise<string> {
    const username = `staf.${role}`;
    await ok(t.core, 'users.create', { username, displayName: role, role, password: 'rahasia-staf' }, owner.token);
    return login(t.core, username, 'rahasia-staf');
  }

  it('seals the password, never answers with it, and fills the defaults', async () => {
    const router = await ok(t.core, 'routers.create', ROUTER, owner.token);
    expect(router).toMatchObject({ apiPort: 8728, tls: false, hasPassword: true, isolirMethod: 'pppoe-profile', isolirProfile: 'isolir', radiusCoaPort: 3799 });
    expect(JSON.stringify(router)).not.toContain('rahasia-router');
    expect(JSON.stringify(await ok(t.core, 'routers.list', {}, owner.token))).not.toContain('rahasia-router');
    expect(storedRow(router.id).password_ref).not.toContain('rahasia-router');
    expect(t.core.services.routers.target(owner.tenantId, router.id).password).toBe('rahasia-router');
  });

  it('splits an address pasted with its port, trims spaces, and takes 8729 for TLS', async () => {
    const pasted = await ok(t.core, 'routers.create', { ...ROUTER, host: '  192.168.88.1:8777 ' }, owner.token);
    expect(pasted).toMatchObject({ host: '192.168.88.1', apiPort: 8777 });
    const v6 = await ok(t.core, 'routers.create', { ...ROUTER, name: 'RB v6', host: '[2001:db8::1]:8729', tls: true }, owner.token);
    expect(v6).toMatchObject({ host: '2001:db8::1', apiPort: 8729, tls: true });
    const tls = await ok(t.core, 'routers.create', { ...ROUTER, name: 'RB TLS', host: 'router.rtrwnet.id', tls: true }, owner.token);
    expect(tls).toMatchObject({ host: 'router.rtrwnet.id', apiPort: 8729 });
  });

  it('refuses a wrong address, port, and missing fields in one answer, in the caller language', async () => {
    const result = await call(t.core, 'routers.create', { name: '', host: '192.168.88.300', apiPort: 70000, username: 'a b', password: '' }, owner.token);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['apiPort', 'host', 'name', 'password', 'username']);
    expect(result.error.fields?.host).toContain('192.168.88.1');
    expect(result.error.fields?.apiPort).toContain('65535');
  });

  it('keeps the stored password when an edit leaves it empty, and replaces it when one is typed', async () => {
    const { id } = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const before = storedRow(id).password_ref;
    const edited = await ok(t.core, 'routers.update', { id, name: 'RB Pusat Baru', password: '', notes: 'Tiang depan balai desa' }, owner.token);
    expect(edited).toMatchObject({ name: 'RB Pusat Baru', hasPassword: true, notes: 'Tiang depan balai desa' });
    expect(storedRow(id).password_ref).toBe(before);
    await ok(t.core, 'routers.update', { id, password: 'sandi-baru-123' }, owner.token);
    expect(t.core.services.routers.target(owner.tenantId, id).password).toBe('sandi-baru-123');
  });

  it('gives each router of a tenant its own name, case aside', async () => {
    const first = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const clash = await call(t.core, 'routers.create', { ...ROUTER, name: 'rb pusat' }, owner.token);
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'Nama router ini sudah dipakai router lain.' } } });
    const second = await ok(t.core, 'routers.create', { ...ROUTER, name: 'RB Timur' }, owner.token);
    expect(await call(t.core, 'routers.update', { id: second.id, name: 'RB PUSAT' }, owner.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(t.core, 'routers.update', { id: first.id, name: 'RB Pusat' }, owner.token)).toMatchObject({ name: 'RB Pusat' });
  });

  it('needs the RADIUS secret for the RADIUS method, seals it, and keeps it on an edit left empty', async () => {
    const missing = await call(t.core, 'routers.create', { ...ROUTER, isolirMethod: 'radius' }, owner.token);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { radiusSecret: 'Wajib diisi.' } } });
    const { id } = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const switched = await call(t.core, 'routers.update', { id, isolirMethod: 'radius', radiusSecret: '' }, owner.token);
    expect(switched).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { radiusSecret: 'Wajib diisi.' } } });

    const radius = await ok(t.core, 'routers.update', { id, isolirMethod: 'radius', radiusSecret: 'radius-rahasia', radiusNasAddress: '10.0.0.1' }, owner.token);
    expect(radius).toMatchObject({ isolirMethod: 'radius', hasRadiusSecret: true, radiusNasAddress: '10.0.0.1', radiusCoaPort: 3799 });
    const sealed = storedRow(id).radius_secret_ref;
    expect(sealed).not.toContain('radius-rahasia');
    await ok(t.core, 'routers.update', { id, radiusSecret: '', radiusCoaPort: 1700 }, owner.token);
    expect(storedRow(id).radius_secret_ref).toBe(sealed);
    expect(await call(t.core, 'routers.update', { id, radiusNasAddress: '10.0.0.1:1812' }, owner.token)).toMatchObject({
      ok: false,
      error: { fields: { radiusNasAddress: 'Tulis alamatnya saja, tanpa port.' } },
    });
  });

  it('refuses to remove a router while a customer (even a deactivated one) is on it, and says how many', async () => {
    const { id } = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const other = await ok(t.core, 'routers.create', { ...ROUTER, name: 'RB Timur' }, owner.token);
    const packageId = await createPackage(t.core, owner.token);
    const customer = await ok(t.core, 'customers.create', customerInput(packageId, 1, { routerId: id }), owner.token);
    await ok(t.core, 'customers.deactivate', { id: customer.id }, owner.token);
    expect((await ok(t.core, 'routers.get', { id }, owner.token)).customerCount).toBe(1);

    const refused = await call(t.core, 'routers.remove', { id }, owner.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROUTER_IN_USE' } });
    if (!refused.ok) expect(refused.error.message).toContain('1 pelanggan');
    expect(t.core.services.routers.exists(owner.tenantId, id)).toBe(true);

    await ok(t.core, 'customers.update', { id: customer.id, routerId: other.id }, owner.token);
    expect(await ok(t.core, 'routers.remove', { id }, owner.token)).toEqual({ id });
    expect(await call(t.core, 'routers.get', { id }, owner.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets technicians manage routers; finance and collectors only read them', async () => {
    const technician = await asRole('technician');
    const { id } = await ok(t.core, 'routers.create', ROUTER, technician);
    await ok(t.core, 'routers.update', { id, notes: 'Ganti adaptor' }, technician);
    for (const role of ['finance', 'collector'] as const) {
      const token = await asRole(role);
      expect((await ok(t.core, 'routers.list', {}, token)).map((r) => r.name)).toEqual(['RB Pusat']);
      for (const attempt of [
        call(t.core, 'routers.create', { ...ROUTER, name: `RB ${role}` }, token),
        call(t.core, 'routers.update', { id, notes: 'x' }, token),
        call(t.core, 'routers.remove', { id }, token),
        call(t.core, 'routers.test', { id }, token),
      ]) {
        expect(await attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('tests a saved router with its stored password, keeps what it said it is, and tries typed values before saving', async () => {
    const { id } = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const answer = await ok(t.core, 'routers.test', { id }, owner.token);
    expect(answer).toEqual({ reachable: true, identity: 'MikroTik-Pusat', version: '7.16.2', writeRights: true, problem: null });
    expect(recorder.targets.at(-1)).toEqual({ host: '10.0.0.1', port: 8728, tls: false, username: 'rrnet-api', password: 'rahasia-router' });
    const seen = await ok(t.core, 'routers.get', { id }, owner.token);
    expect(seen).toMatchObject({ rosIdentity: 'MikroTik-Pusat', rosVersion: '7.16.2', detectedAt: new Date(t.clock.now()).toISOString() });

    // The edit form's values, tried before saving: the empty password box means the stored one.
    t.clock.advance(60_000);
    await ok(t.core, 'routers.test', { id, host: '10.0.0.2:8729', tls: true, password: '' }, owner.token);
    expect(recorder.targets.at(-1)).toEqual({ host: '10.0.0.2', port: 8729, tls: true, username: 'rrnet-api', password: 'rahasia-router' });
    expect((await ok(t.core, 'routers.get', { id }, owner.token)).detectedAt).toBe(seen.detectedAt);

    await ok(t.core, 'routers.test', { host: 'router.rtrwnet.id', tls: true, username: 'admin', password: 'baru' }, owner.token);
    expect(recorder.targets.at(-1)).toEqual({ host: 'router.rtrwnet.id', port: 8729, tls: true, username: 'admin', password: 'baru' });
    expect(await call(t.core, 'routers.test', { host: '10.0.0.9' }, owner.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { username: 'Wajib diisi.', password: 'Wajib diisi.' } },
    });
  });

  it('reads a router health for anyone signed in', async () => {
    const { id } = await ok(t.core, 'routers.create', ROUTER, owner.token);
    const finance = await asRole('finance');
    expect(await ok(t.core, 'routers.health', { id }, finance)).toEqual({
      reachable: true,
      identity: 'MikroTik-Pusat',
      version: '7.16.2',
      cpuLoad: 7,
      uptime: 3 * 86_400 + 3_600,
      pppoeActive: 212,
      hotspotActive: 9,
      problem: null,
    });
  });

  it('puts no router password or RADIUS secret into the sync change log', async () => {
    const { id } = await ok(t.core, 'routers.create', { ...ROUTER, isolirMethod: 'radius', radiusSecret: 'radius-rahasia' }, owner.token);
    await ok(t.core, 'routers.update', { id, password: 'sandi-baru-123', tls: true }, owner.token);
    const rows = t.core.db.prepare(`SELECT row FROM change_log WHERE entity = 'routers'`).pluck().all() as string[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(Object.keys(JSON.parse(row) as object)).not.toEqual(expect.arrayContaining(['password_ref']));
      expect(row).not.toMatch(/password_ref|radius_secret_ref|rahasia|sandi/);
    }
    expect(JSON.parse(rows.at(-1) ?? '{}')).toMatchObject({ tls: 1, isolir_method: 'radius', api_port: 8728 });
  });
});

describe('"Tes koneksi" against a real closed port', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('says plainly, in Indonesian and English, that the router cannot be reached', async () => {
    t = createTestCore({ routerProbe: tcpProbe() });
    const owner = await createOwner(t.core);
    const port = await closedPort();
    const { id } = await ok(t.core, 'routers.create', { ...ROUTER, host: `127.0.0.1:${port}` }, owner.token);

    const id_ = await ok(t.core, 'routers.test', { id }, owner.token);
    expect(id_).toMatchObject({ reachable: false, writeRights: null, problem: { code: 'UNREACHABLE' } });
    expect(id_.problem?.message).toContain('Router tidak bisa dihubungi');
    const en = await call(t.core, 'routers.health', { id }, owner.token, 'en');
    expect(en).toMatchObject({ ok: true, data: { reachable: false, problem: { code: 'UNREACHABLE' } } });
    if (en.ok) expect(en.data.problem?.message).toContain('cannot be reached');
    // Nothing answered: nothing is recorded as seen.
    expect((await ok(t.core, 'routers.get', { id }, owner.token)).detectedAt).toBeNull();
  });
});
