import { describe, expect, it } from 'vitest';
import { preparePlan, type PlanInput, type RouterState } from '../../main/network/prepare/prepare-plan.js';
import { ISOLIR_POOL } from '../../main/network/prepare/prepare-items.js';

const LANDING = { host: '192.168.88.10', port: 8080 };
const V6 = '6.49.10 (long-term)';
const V7 = '7.18.1 (stable)';

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  method: 'pppoe-profile',
  isolirProfile: 'isolir',
  landing: LANDING,
  hasHotspot: false,
  version: V7,
  state: {},
  ...over,
});

const keys = (plan: ReturnType<typeof preparePlan>) => plan.map((p) => p.item.key);
const statusOf = (plan: ReturnType<typeof preparePlan>) => Object.fromEntries(plan.map((p) => [p.item.key, p.item.status]));

/** A router as our plan leaves it: the items' values on rows, our rules above the router's own fasttrack. */
function prepared(): RouterState {
  const plan = preparePlan(input());
  const rows = (menu: string) =>
    plan.flatMap((p, i) => (p.step.kind === 'add' && p.step.menu === menu ? [{ '.id': `*${i + 1}`, disabled: 'false', ...p.step.values }] : []));
  return {
    '/ip/pool': rows('/ip/pool'),
    '/ppp/profile': rows('/ppp/profile'),
    '/ip/firewall/filter': [...rows('/ip/firewall/filter'), { '.id': '*F0', chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established,related', disabled: 'false' }],
    '/ip/firewall/nat': [...rows('/ip/firewall/nat'), { '.id': '*N0', chain: 'srcnat', action: 'masquerade', disabled: 'false' }],
  };
}

describe('the prepare plan', () => {
  it('gives a PPPoE-profile router the pool, the isolir profile on the list, the firewall and the redirect, in the order they are applied', () => {
    const plan = preparePlan(input());
    expect(keys(plan)).toEqual(['pool', 'pppProfile', 'filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop', 'natRedirect']);
    expect(plan.every((p) => p.item.status === 'add')).toBe(true);
    expect(plan[0]?.item.command).toBe(`/ip pool add name=${ISOLIR_POOL.name} ranges=${ISOLIR_POOL.ranges} comment=rrnet:isolir`);
    expect(plan[1]?.item.command).toBe('/ppp profile add name=isolir local-address=10.255.255.1 remote-address=rrnet-isolir rate-limit=256k/256k address-list=isolir comment=rrnet:isolir');
    expect(plan.find((p) => p.item.key === 'natRedirect')?.item.command).toBe(
      '/ip firewall nat add chain=dstnat src-address-list=isolir disabled=no protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.88.10 to-ports=8080 comment=rrnet:isolir:redirect',
    );
    expect(plan.find((p) => p.item.key === 'filterLanding')?.step).toMatchObject({ kind: 'add', values: { 'dst-address': '192.168.88.10', 'dst-port': '8080', action: 'accept' } });
  });

  it('uses the router\'s own isolir profile name', () => {
    const plan = preparePlan(input({ isolirProfile: 'ISOLIR-BAYAR' }));
    expect(plan.find((p) => p.item.key === 'pppProfile')?.step).toMatchObject({ values: { name: 'ISOLIR-BAYAR' } });
  });

  it('adds the hotspot user profile only on a router that serves a hotspot', () => {
    expect(keys(preparePlan(input({ hasHotspot: true })))).toContain('hotspotProfile');
    expect(keys(preparePlan(input({ method: 'address-list', hasHotspot: true })))).toEqual(['hotspotProfile', 'filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop', 'natRedirect']);
  });

  it('gives an address-list router the firewall and the redirect only (the executor lists the addresses)', () => {
    expect(keys(preparePlan(input({ method: 'address-list' })))).toEqual(['filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop', 'natRedirect']);
  });

  it('needs nothing on a router that isolates by disabling the secret (a customer who cannot log in sees no page)', () => {
    expect(preparePlan(input({ method: 'disable-secret', hasHotspot: true }))).toEqual([]);
  });

  it('without the isolir page set up, plans no redirect and no exception for it', () => {
    expect(keys(preparePlan(input({ landing: null })))).toEqual(['pool', 'pppProfile', 'filterDnsUdp', 'filterDnsTcp', 'filterDrop']);
  });

  it('plans the same items for RouterOS 6.49 and 7.x on the API methods', () => {
    for (const method of ['pppoe-profile', 'address-list'] as const) {
      expect(preparePlan(input({ method, version: V6 }))).toEqual(preparePlan(input({ method, version: V7 })));
    }
  });

  it('shows a RADIUS router the pool, the firewall and the three RADIUS settings a person makes, with the 7.15+ Message-Authenticator only where RouterOS has it', () => {
    const v6 = preparePlan(input({ method: 'radius', version: V6 }));
    expect(keys(v6)).toEqual(['pool', 'filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop', 'natRedirect', 'radiusClient', 'radiusIncoming', 'pppAaa']);
    const radius = (plan: ReturnType<typeof preparePlan>) => plan.filter((p) => p.item.key.startsWith('radius') || p.item.key === 'pppAaa');
    expect(radius(v6).map((p) => [p.item.status, p.step.kind])).toEqual([['manual', 'manual'], ['manual', 'manual'], ['manual', 'manual']]);
    expect(radius(v6)[0]?.item.command).toBe('/radius add service=ppp,hotspot address=<alamat server RADIUS> secret=<secret>');
    expect(radius(preparePlan(input({ method: 'radius', version: '7.10.2 (stable)' })))[0]?.item.command).not.toContain('require-message-auth');
    expect(radius(preparePlan(input({ method: 'radius', version: V7 })))[0]?.item.command).toContain('require-message-auth=yes');
    expect(radius(v6)[1]?.item.command).toBe('/radius incoming set accept=yes');
    expect(radius(v6)[2]?.item.command).toBe('/ppp aaa set use-radius=yes');
  });

  it('finds the RADIUS settings made on either version (true as the API prints it, yes as people type it)', () => {
    const state: RouterState = {
      '/radius': [{ '.id': '*1', service: 'ppp,hotspot', address: '192.168.88.10', disabled: 'false' }],
      '/radius/incoming': [{ accept: 'true', port: '3799' }],
      '/ppp/aaa': [{ 'use-radius': 'yes' }],
    };
    const status = statusOf(preparePlan(input({ method: 'radius', version: V6, state })));
    expect([status.radiusClient, status.radiusIncoming, status.pppAaa]).toEqual(['present', 'present', 'present']);
  });

  it('finds everything present on a prepared router (the second run adds nothing)', () => {
    const plan = preparePlan(input({ state: prepared() }));
    expect(plan.map((p) => [p.item.key, p.item.status, p.step.kind])).toEqual(keys(plan).map((k) => [k, 'present', 'none']));
  });

  it('puts new rules above the router\'s own rules of the chain (a fasttrack rule above them would let isolated customers\' open connections through)', () => {
    const state: RouterState = {
      '/ip/firewall/filter': [
        { '.id': '*A', chain: 'input', action: 'accept', disabled: 'false' },
        { '.id': '*B', chain: 'forward', action: 'fasttrack-connection', disabled: 'false' },
        { '.id': '*C', chain: 'forward', action: 'accept', disabled: 'false' },
      ],
    };
    const plan = preparePlan(input({ state }));
    for (const key of ['filterDnsUdp', 'filterDnsTcp', 'filterLanding', 'filterDrop']) {
      expect(plan.find((p) => p.item.key === key)?.step).toMatchObject({ kind: 'add', placeBefore: '*B' });
    }
    // An empty chain: appended.
    expect(plan.find((p) => p.item.key === 'natRedirect')?.step).toMatchObject({ kind: 'add', placeBefore: null });
  });

  it('ignores the dynamic counter rule RouterOS shows at the top of the filter', () => {
    const state = prepared();
    const filter = [{ '.id': '*D', chain: 'forward', action: 'passthrough', dynamic: 'true', comment: 'special dummy rule to show fasttrack counters' }, ...(state['/ip/firewall/filter'] ?? [])];
    expect(statusOf(preparePlan(input({ state: { ...state, '/ip/firewall/filter': filter } }))).filterDrop).toBe('present');
  });

  it('adds a missing rule between ours, just above the next of ours, so the order holds', () => {
    const state = prepared();
    const filter = (state['/ip/firewall/filter'] ?? []).filter((r) => r.comment !== 'rrnet:isolir:landing');
    const plan = preparePlan(input({ state: { ...state, '/ip/firewall/filter': filter } }));
    const drop = filter.find((r) => r.comment === 'rrnet:isolir:drop');
    expect(plan.find((p) => p.item.key === 'filterLanding')?.step).toMatchObject({ kind: 'add', placeBefore: drop?.['.id'] });
    expect(plan.filter((p) => p.item.status !== 'present').map((p) => p.item.key)).toEqual(['filterLanding']);
  });

  it('moves our rules back above a rule someone put on top of them: out and in again above it, in our order', () => {
    const state = prepared();
    const accept = { '.id': '*X', chain: 'forward', action: 'accept', disabled: 'false' };
    const plan = preparePlan(input({ state: { ...state, '/ip/firewall/filter': [accept, ...(state['/ip/firewall/filter'] ?? [])] } }));
    const rules = plan.filter((p) => p.item.key.startsWith('filter'));
    expect(rules.map((p) => [p.item.status, p.step.kind])).toEqual(rules.map(() => ['change', 'replace']));
    expect(rules.every((p) => p.step.kind === 'replace' && p.step.placeBefore === '*X')).toBe(true);
    expect(rules[0]?.item.changes[0]).toEqual({ field: 'place', have: null, want: 'top' });
    expect(statusOf(plan).natRedirect).toBe('present');
  });

  it('says what differs on an item that is there but otherwise: a profile made by hand, a rule switched off, a new page address', () => {
    const state = prepared();
    const profile = { '.id': '*P', name: 'isolir', 'local-address': '10.255.255.1', 'remote-address': 'pool-lama', 'rate-limit': '1M/1M' };
    const filter = (state['/ip/firewall/filter'] ?? []).map((r) => (r.comment === 'rrnet:isolir:drop' ? { ...r, disabled: 'true' } : r));
    const plan = preparePlan(input({ landing: { host: '192.168.88.20', port: 8080 }, state: { ...state, '/ppp/profile': [profile], '/ip/firewall/filter': filter } }));
    const item = (key: string) => plan.find((p) => p.item.key === key);
    expect(item('pppProfile')?.item.changes).toEqual([
      { field: 'remote-address', have: 'pool-lama', want: 'rrnet-isolir' },
      { field: 'rate-limit', have: '1M/1M', want: '256k/256k' },
      { field: 'address-list', have: null, want: 'isolir' },
      { field: 'comment', have: null, want: 'rrnet:isolir' },
    ]);
    expect(item('pppProfile')?.step).toEqual({ kind: 'set', menu: '/ppp/profile', id: '*P', values: { 'remote-address': 'rrnet-isolir', 'rate-limit': '256k/256k', 'address-list': 'isolir', comment: 'rrnet:isolir' } });
    expect(item('filterDrop')?.step).toMatchObject({ kind: 'set', values: { disabled: 'no' } });
    expect(item('natRedirect')?.item.changes).toEqual([{ field: 'to-addresses', have: '192.168.88.10', want: '192.168.88.20' }]);
    expect(item('filterLanding')?.item.changes).toEqual([{ field: 'dst-address', have: '192.168.88.10', want: '192.168.88.20' }]);
  });
});
