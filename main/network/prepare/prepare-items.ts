import type { IsolirMethod } from '../../../shared/domain/router.js';
import type { PrepareItemKey } from '../../../shared/domain/router-prepare.js';

/**
 * What a router needs for each isolir method, as RouterOS items. Everything we add carries a
 * comment starting with ISOLIR_MARK, so a technician in Winbox sees whose it is and the next plan
 * recognises it: named items (pool, profiles) by their name, firewall rules by their comment.
 */
export const ISOLIR_MARK = 'rrnet:isolir';
/** The address list isolated customers land in: the PPP profile, the RADIUS group and the executor's static entries all name it. */
export const ISOLIR_ADDRESS_LIST = 'isolir';
/**
 * The isolated customers' addresses: a /24 at the top of 10/8 that RT/RW networks rarely use, so
 * it does not collide with the LAN (192.168.x) or the usual PPPoE pools (10.10.x, 172.16.x).
 */
export const ISOLIR_POOL = { name: 'rrnet-isolir', ranges: '10.255.255.2-10.255.255.254', gateway: '10.255.255.1' } as const;
/** Enough to load the isolir page and a payment app, too little to be worth staying isolated for. */
export const ISOLIR_RATE_LIMIT = '256k/256k';

export type PrepareMenu =
  | '/ip/pool'
  | '/ppp/profile'
  | '/ip/hotspot'
  | '/ip/hotspot/user/profile'
  | '/ip/firewall/filter'
  | '/ip/firewall/nat'
  | '/radius'
  | '/radius/incoming'
  | '/ppp/aaa';

/** How an item is found among what the router has. */
export type ItemMatch =
  | { by: 'name'; name: string }
  | { by: 'comment'; comment: string }
  /** A RADIUS setting a person makes: present when some row satisfies the test. */
  | { by: 'check'; test: (row: Readonly<Record<string, string>>) => boolean };

export interface WantedItem {
  key: PrepareItemKey;
  menu: PrepareMenu;
  match: ItemMatch;
  /** What the item holds when it is right, as RouterOS takes it on add and set. */
  values: Readonly<Record<string, string>>;
  /** Firewall rules: the chain whose order matters (ours must come before every other rule in it). */
  chain?: string;
}

export interface PrepareTarget {
  method: IsolirMethod;
  /** The router's isolir profile name (the Routers form's "Profil isolir"). */
  isolirProfile: string;
  /** Where isolated customers' web requests go; null: not set up, so no redirect and no exception for it. */
  landing: { host: string; port: number } | null;
  /** The router serves a hotspot: its isolated users need the hotspot profile too. */
  hasHotspot: boolean;
}

const ruleComment = (name: string) => `${ISOLIR_MARK}:${name}`;
/** Our firewall rules match the isolated customers by the address list; `disabled=no` so a rule someone switched off counts as different. */
const isolated = { 'src-address-list': ISOLIR_ADDRESS_LIST, disabled: 'no' } as const;

function poolItem(): WantedItem {
  return { key: 'pool', menu: '/ip/pool', match: { by: 'name', name: ISOLIR_POOL.name }, values: { name: ISOLIR_POOL.name, ranges: ISOLIR_POOL.ranges, comment: ISOLIR_MARK } };
}

function pppProfileItem(name: string): WantedItem {
  return {
    key: 'pppProfile',
    menu: '/ppp/profile',
    match: { by: 'name', name },
    values: {
      name,
      'local-address': ISOLIR_POOL.gateway,
      'remote-address': ISOLIR_POOL.name,
      'rate-limit': ISOLIR_RATE_LIMIT,
      // RouterOS puts each session of this profile on the list while it lasts: the firewall below acts on it.
      'address-list': ISOLIR_ADDRESS_LIST,
      comment: ISOLIR_MARK,
    },
  };
}

/** Hotspot user profiles take no comment: the name is what we know it by. */
function hotspotProfileItem(name: string): WantedItem {
  return {
    key: 'hotspotProfile',
    menu: '/ip/hotspot/user/profile',
    match: { by: 'name', name },
    values: { name, 'rate-limit': ISOLIR_RATE_LIMIT, 'address-list': ISOLIR_ADDRESS_LIST },
  };
}

/**
 * The forward chain, in this order, above every other forward rule (a fasttrack or "accept
 * established" rule above them would carry an isolated customer's open connections on): DNS may
 * pass (a browser resolves the name before the redirect can catch its request), the isolir page
 * may be reached, everything else from the list is dropped. Then the dst-nat that sends their plain
 * HTTP (port 80) to the page; HTTPS cannot be redirected without a certificate warning, and phones
 * probe a plain-HTTP address first, which opens the page.
 */
function firewallItems(landing: PrepareTarget['landing']): WantedItem[] {
  const forward = (key: PrepareItemKey, name: string, values: Record<string, string>): WantedItem => ({
    key,
    menu: '/ip/firewall/filter',
    match: { by: 'comment', comment: ruleComment(name) },
    chain: 'forward',
    values: { chain: 'forward', ...isolated, ...values, comment: ruleComment(name) },
  });
  const items = [
    forward('filterDnsUdp', 'dns-udp', { protocol: 'udp', 'dst-port': '53', action: 'accept' }),
    forward('filterDnsTcp', 'dns-tcp', { protocol: 'tcp', 'dst-port': '53', action: 'accept' }),
  ];
  if (landing) items.push(forward('filterLanding', 'landing', { protocol: 'tcp', 'dst-address': landing.host, 'dst-port': String(landing.port), action: 'accept' }));
  items.push(forward('filterDrop', 'drop', { action: 'drop' }));
  if (landing) {
    items.push({
      key: 'natRedirect',
      menu: '/ip/firewall/nat',
      match: { by: 'comment', comment: ruleComment('redirect') },
      chain: 'dstnat',
      values: {
        chain: 'dstnat',
        ...isolated,
        protocol: 'tcp',
        'dst-port': '80',
        action: 'dst-nat',
        'to-addresses': landing.host,
        'to-ports': String(landing.port),
        comment: ruleComment('redirect'),
      },
    });
  }
  return items;
}

const isYes = (value: string | undefined) => value === 'true' || value === 'yes';

/**
 * RADIUS routers ask FreeRADIUS, whose isolir group names our pool and address list: the router
 * needs the pool and the firewall, and three settings a person makes because the server's address
 * and secret are the ISP's (shown, with the commands, never written by us): a RADIUS client for
 * PPP, Disconnect-Requests accepted (isolation ends the live session), and PPP asking RADIUS.
 */
function radiusItems(): WantedItem[] {
  return [
    { key: 'radiusClient', menu: '/radius', match: { by: 'check', test: (r) => (r.service ?? '').split(',').includes('ppp') && !isYes(r.disabled) }, values: { service: 'ppp' } },
    { key: 'radiusIncoming', menu: '/radius/incoming', match: { by: 'check', test: (r) => isYes(r.accept) }, values: { accept: 'yes' } },
    { key: 'pppAaa', menu: '/ppp/aaa', match: { by: 'check', test: (r) => isYes(r['use-radius']) }, values: { 'use-radius': 'yes' } },
  ];
}

/**
 * What the router needs, in the order it is applied (the pool before the profile that names it).
 * Disabled secrets need nothing: a customer who cannot log in sees no page at all.
 */
export function wantedItems(target: PrepareTarget): WantedItem[] {
  const hotspot = target.hasHotspot ? [hotspotProfileItem(target.isolirProfile)] : [];
  switch (target.method) {
    case 'disable-secret':
      return [];
    case 'pppoe-profile':
      return [poolItem(), pppProfileItem(target.isolirProfile), ...hotspot, ...firewallItems(target.landing)];
    case 'address-list':
      // Static-IP customers are listed by the executor; hotspot users are isolated by profile on these routers.
      return [...hotspot, ...firewallItems(target.landing)];
    case 'radius':
      return [poolItem(), ...firewallItems(target.landing), ...radiusItems()];
  }
}

/** The menus to print: each once, only those the items live in (the hotspot servers always, to know whether there are any). */
export function menusToRead(method: IsolirMethod): PrepareMenu[] {
  const menus = new Set<PrepareMenu>(['/ip/hotspot']);
  for (const item of wantedItems({ method, isolirProfile: 'x', landing: { host: '0.0.0.0', port: 1 }, hasHotspot: true })) menus.add(item.menu);
  return [...menus];
}
