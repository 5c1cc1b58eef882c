import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRouterOsServer, type RouterOsServer, type RouterOsVersion, type RouterOsUser } from '../support/routeros-server.js';
import { call, createOwner, createTestCore, ok, OWNER, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { id as idText } from '../../shared/i18n/id.js';
import type { IsolirMethod } from '../../shared/domain/router.js';

/**
 * "Siapkan router" through the core to the RouterOS wire server: what the plan says, what apply
 * leaves on the router (read back from its tables, as in Winbox), and that a second run sends no
 * change at all. The isolir page is served by the core on 127.0.0.1, on a port the system picks.
 */
describe('preparing a router for isolir', () => {
  let router: RouterOsServer;
  let t: TestCore;
  let owner: OwnerSession;

  afterEach(async () => {
    await t.cleanup();
    await router.close();
  });

  /** A router as an RT/RW net runs it: a fasttrack and an accept-established rule in forward, a masquerade. */
  async function setUp(options: { version?: RouterOsVersion; method?: IsolirMethod; users?: RouterOsUser[]; username?: string } = {}) {
    router = await startRouterOsServer({ version: options.version ?? '7.18', ...(options.users ? { users: options.users } : {}) });
    router.seed('/ppp/profile', [{ name: 'default' }, { name: 'hemat-10m' }]);
    router.seed('/ip/firewall/filter', [
      { chain: 'input', action: 'accept', 'connection-state': 'established,related' },
      { chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established,related' },
      { chain: 'forward', action: 'accept', 'connection-state': 'established,related' },
    ]);
    router.seed('/ip/firewall/nat', [{ chain: 'srcnat', action: 'masquerade', 'out-interface': 'ether1' }]);
    t = createTestCore();
    owner = await createOwner(t.core);
    const landing = await ok(
      t.core,
      'routers.landing.update',
      { enabled: true, host: '127.0.0.1', port: 0, contactPhone: '0812-3456-7890', paymentNote: 'Transfer ke BCA 123 a.n. Net Kampung' },
      owner.token,
    );
    const created = await ok(
      t.core,
      'routers.create',
      { name: 'Pusat', host: router.host, apiPort: router.port, username: options.username ?? 'admin', password: 'rahasia', isolirMethod: options.method ?? 'pppoe-profile', ...(options.method === 'radius' ? { radiusSecret: 'rahasia-radius' } : {}) },
      owner.token,
    );
    return { routerId: created.id, landingPort: landing.listening?.port ?? 0 };
  }

  const tables = () => Object.fromEntries(['/ip/pool', '/ppp/profile', '/ip/firewall/filter', '/ip/firewall/nat'].map((m) => [m, structuredClone(router.table(m))]));
  const writes = () => router.received.filter((c) => /\/(add|set|remove|enable|disable)$/.test(c.words[0] ?? '')).length;
  const forwardComments = () => router.table('/ip/firewall/filter').filter((r) => r.chain === 'forward').map((r) => r.comment ?? r.action);

  for (const version of ['6.49', '7.18'] as const) {
    it(`adds what a PPPoE-profile router needs on RouterOS ${version}, and a second run adds nothing`, async () => {
      const { routerId, landingPort } = await setUp({ version });
      const plan = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
      expect(plan.problem).toBeNull();
      expect(plan.landing).toEqual({ host: '127.0.0.1', port: landingPort });
      expect(plan.items.map((i) => [i.key, i.status])).toEqual([
        ['pool', 'add'],
        ['pppProfile', 'add'],
        ['filterDnsUdp', 'add'],
        ['filterDnsTcp', 'add'],
        ['filterLanding', 'add'],
        ['filterDrop', 'add'],
        ['natRedirect', 'add'],
      ]);
      expect(writes()).toBe(0);

      const first = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
      expect(first.problem).toBeNull();
      expect(first.items.every((i) => i.outcome === 'added')).toBe(true);
      expect(router.table('/ip/pool').find((p) => p.name === 'rrnet-isolir')?.ranges).toBe('10.255.255.2-10.255.255.254');
      expect(router.table('/ppp/profile').find((p) => p.name === 'isolir')).toMatchObject({ 'remote-address': 'rrnet-isolir', 'address-list': 'isolir', comment: 'rrnet:isolir' });
      // Ours above the fasttrack and the generic accept, in our order.
      expect(forwardComments()).toEqual(['rrnet:isolir:dns-udp', 'rrnet:isolir:dns-tcp', 'rrnet:isolir:landing', 'rrnet:isolir:drop', 'fasttrack-connection', 'accept']);
      expect(router.table('/ip/firewall/nat').find((r) => r.comment === 'rrnet:isolir:redirect')).toMatchObject({
        chain: 'dstnat',
        'src-address-list': 'isolir',
        'dst-port': '80',
        action: 'dst-nat',
        'to-addresses': '127.0.0.1',
        'to-ports': String(landingPort),
      });

      const after = tables();
      const writesBefore = writes();
      const second = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
      expect(second.items.every((i) => i.outcome === 'present')).toBe(true);
      expect(writes()).toBe(writesBefore);
      expect(tables()).toEqual(after);
      const again = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
      expect(again.items.every((i) => i.status === 'present')).toBe(true);
    });
  }

  it('a double press of "Terapkan" (two applies at once) adds each item once', async () => {
    const { routerId } = await setUp();
    const [a, b] = await Promise.all([
      ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token),
      ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token),
    ]);
    expect([a.problem, b.problem]).toEqual([null, null]);
    const adds = router.received.filter((c) => (c.words[0] ?? '').endsWith('/add')).length;
    expect(adds).toBe(7);
    expect(router.table('/ip/pool').filter((p) => p.name === 'rrnet-isolir')).toHaveLength(1);
    expect(forwardComments().filter((c) => c?.startsWith('rrnet:'))).toHaveLength(4);
    expect(router.table('/ip/firewall/nat').filter((r) => r.comment === 'rrnet:isolir:redirect')).toHaveLength(1);
  });

  it('puts our rules back on top when someone added a rule above them, then leaves them be', async () => {
    const { routerId } = await setUp();
    await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    // A technician in Winbox drags a new accept rule to the top of the filter.
    router.table('/ip/firewall/filter').unshift({ '.id': '*99', chain: 'forward', action: 'accept', 'src-address': '10.0.0.0/8', disabled: 'false' });
    const plan = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
    expect(plan.items.filter((i) => i.status === 'change').map((i) => i.key)).toEqual(['filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop']);
    const result = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    expect(result.items.filter((i) => i.outcome === 'changed')).toHaveLength(4);
    expect(forwardComments()).toEqual(['rrnet:isolir:dns-udp', 'rrnet:isolir:dns-tcp', 'rrnet:isolir:landing', 'rrnet:isolir:drop', 'accept', 'fasttrack-connection', 'accept']);
    expect((await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token)).items.every((i) => i.outcome === 'present')).toBe(true);
  });

  it('a reply lost after the router added a rule: the run stops with the reason, and the next run finds the rule rather than adding it twice', async () => {
    const { routerId } = await setUp();
    router.failNext(1, 'drop-after-apply', '/ip/firewall/filter/add');
    const cut = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    expect(cut.problem?.code).toBe('UNREACHABLE');
    expect(cut.items.find((i) => i.outcome === 'failed')?.key).toBe('filterDnsUdp');
    const rerun = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    expect(rerun.problem).toBeNull();
    expect(rerun.items.find((i) => i.key === 'filterDnsUdp')?.outcome).toBe('present');
    expect(router.table('/ip/firewall/filter').filter((r) => r.comment === 'rrnet:isolir:dns-udp')).toHaveLength(1);
    expect(forwardComments()).toEqual(['rrnet:isolir:dns-udp', 'rrnet:isolir:dns-tcp', 'rrnet:isolir:landing', 'rrnet:isolir:drop', 'fasttrack-connection', 'accept']);
  });

  it('says in plain words that the API user may not write, and leaves the router as it was', async () => {
    const { routerId } = await setUp({ users: [{ name: 'pemantau', password: 'rahasia', group: 'read' }], username: 'pemantau' });
    const before = tables();
    const plan = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
    expect(plan.items[0]?.status).toBe('add');
    const result = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    expect(result.problem).toEqual({ code: 'NO_WRITE_RIGHTS', message: idText.routeros.NO_WRITE_RIGHTS });
    expect(result.items.map((i) => i.outcome)).toEqual(['failed', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(tables()).toEqual(before);
  });

  it('answers a plan for an unreachable router with the reason, not an error', async () => {
    const { routerId } = await setUp();
    await router.setFault('down');
    const plan = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
    expect(plan.items).toEqual([]);
    expect(plan.problem?.code).toBe('UNREACHABLE');
    expect(plan.problem?.message).toBe(idText.routeros.UNREACHABLE);
    await router.setFault(null);
  });

  it('shows a RADIUS router the RADIUS settings to make, and finds them once made', async () => {
    const { routerId } = await setUp({ method: 'radius', version: '6.49' });
    const plan = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
    expect(plan.items.filter((i) => i.status === 'manual').map((i) => i.key)).toEqual(['radiusClient', 'radiusIncoming', 'pppAaa']);
    const result = await ok(t.core, 'routers.prepare.apply', { id: routerId }, owner.token);
    expect(result.items.filter((i) => i.outcome === 'manual')).toHaveLength(3);
    expect(router.table('/radius')).toEqual([]);
    // The technician makes them in Winbox.
    router.seed('/radius', [{ service: 'ppp', address: '192.168.88.10', secret: 'rahasia-radius' }]);
    const incoming = router.table('/radius/incoming')[0];
    if (incoming) incoming.accept = 'true';
    const settings = await ok(t.core, 'routers.prepare.plan', { id: routerId }, owner.token);
    expect(settings.items.filter((i) => i.status === 'manual').map((i) => i.key)).toEqual(['pppAaa']);
  });

  it('refuses a finance user', async () => {
    const { routerId } = await setUp();
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-sekali' }, owner.token);
    const finance = (await ok(t.core, 'auth.login', { username: 'keuangan', password: 'rahasia-sekali' })).token;
    const refused = await call(t.core, 'routers.prepare.apply', { id: routerId }, finance);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

describe('the isolir page', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let blocker: Server | null = null;

  afterEach(async () => {
    await t.cleanup();
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
    blocker = null;
  });

  async function serve(paymentNote = 'Bayar di kantor desa, Senin–Sabtu', contactPhone = '+62 812-3456-7890') {
    t = createTestCore();
    owner = await createOwner(t.core);
    const status = await ok(t.core, 'routers.landing.update', { enabled: true, host: '127.0.0.1', port: 0, contactPhone, paymentNote }, owner.token);
    return `http://127.0.0.1:${status.listening?.port ?? 0}`;
  }

  it('answers any path and method with the page in Bahasa Indonesia: the ISP, how to pay, whom to call, back at once after paying', async () => {
    const base = await serve();
    for (const path of ['/', '/generate_204', '/berita/hari-ini?x=1&y=%20', '/hotspot-detect.html']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('Internet Anda sedang dijeda');
      expect(html).toContain(OWNER.tenantName);
      expect(html).toContain('tagihan belum dibayar');
      expect(html).toContain('Bayar di kantor desa, Senin–Sabtu');
      expect(html).toContain('href="https://wa.me/6281234567890"');
      expect(html).toContain('href="tel:+6281234567890"');
      expect(html).toContain('langsung tersambung kembali');
      expect(html).not.toMatch(/<(script|link)\b|src="http/);
    }
    const post = await fetch(`${base}/login`, { method: 'POST', body: 'a=b' });
    expect(post.status).toBe(200);
    const head = await fetch(`${base}/x`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('escapes what the ISP typed, and leaves out the contact part when there is no number', async () => {
    const base = await serve('<script>alert(1)</script> & "lunas"', '');
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;lunas&quot;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('wa.me');
  });

  it('is off until enabled, and says in plain words when the port is taken', async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    expect(await ok(t.core, 'routers.landing.get', {}, owner.token)).toMatchObject({ enabled: false, listening: null, problem: null });
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const status = await ok(t.core, 'routers.landing.update', { enabled: true, host: '127.0.0.1', port: taken, contactPhone: '', paymentNote: '' }, owner.token);
    expect(status.listening).toBeNull();
    expect(status.problem).toBe(idText.landingProblems.portTaken);
    // Off: no listener, no problem, and "Siapkan router" plans no redirect.
    expect(await ok(t.core, 'routers.landing.update', { enabled: false, host: '127.0.0.1', port: taken, contactPhone: '', paymentNote: '' }, owner.token)).toMatchObject({ listening: null, problem: null });
  });

  it('refuses an address that is not IPv4 and a phone that is not one, and a page switched on without an address', async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    const refused = await call(t.core, 'routers.landing.update', { enabled: true, host: 'kantor.local', port: 8080, contactPhone: '12', paymentNote: '' }, owner.token);
    expect(refused.ok ? null : refused.error.fields).toEqual({ host: idText.validation.ipv4, contactPhone: idText.validation.phone });
    const noAddress = await call(t.core, 'routers.landing.update', { enabled: true, host: '', port: 8080, contactPhone: '', paymentNote: '' }, owner.token);
    expect(noAddress.ok ? null : noAddress.error.fields).toEqual({ host: idText.validation.required });
    // Left off, the page needs no address yet.
    expect(await ok(t.core, 'routers.landing.update', { enabled: false, host: '', port: 8080, contactPhone: '', paymentNote: '' }, owner.token)).toMatchObject({ enabled: false, listening: null });
  });
});
