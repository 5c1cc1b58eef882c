import { createHash, randomBytes } from 'node:crypto';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { encodeSentence, SentenceReader } from './routeros-wire.js';

/**
 * Two users: the tests' wire-level fake (test/support/routeros-server.ts), and the demo's router, so
 * that `npm run web -- --demo` isolates, reconnects and lists sessions on something real enough.
 *
 * A MikroTik router as the console meets it over the API (port 8728, or TLS on 8729), speaking the
 * real wire protocol so node-routeros talks to it unchanged: all five word-length encodings, the
 * 6.43+ login (`/login =name= =password=`) and the older MD5 challenge, `.tag`s with any number of
 * commands in flight, `!re` `!done` `!trap` `!fatal`, and `!empty` before `!done` for a print that
 * finds nothing from 7.18 on. Its menus hold rows; print (with `?` queries and `.proplist`), add,
 * set, remove, enable and disable work on them by `.id` or `numbers`, as RouterOS does; add takes
 * `place-before` (firewall order), and settings menus (`/radius/incoming`, `/ppp/aaa`) print and set.
 *
 * Faults a real router shows, switchable: slow, silent, `!fatal`, a connection dropped before or after a
 * command is applied, down (refuses connections), the API service disabled (closes at once), an
 * address outside the service's allowed list (RouterOS ignores it: nothing ever comes back), and a
 * round-trip delay added to every reply.
 */

export type Row = Record<string, string>;

/** What makes one version differ from another here: login (6.43), dates (7.10), `!empty` (7.18). */
export type RouterOsVersion = '6.42' | '6.49' | '7.10' | '7.18';

/** Affects new connections until cleared. */
export type ConnectionFault = 'down' | 'api-disabled' | 'not-allowed';
/** Affects the next commands (after login) that match. */
export type CommandFault = 'silent' | 'drop-before-apply' | 'drop-after-apply' | 'fatal';

export interface RouterOsUser {
  name: string;
  password: string;
  /** full and write may change things; read may only print. */
  group: 'full' | 'write' | 'read';
}

export interface RouterOsServerOptions {
  version?: RouterOsVersion;
  users?: RouterOsUser[];
  identity?: string;
  /** Serve the API-SSL service (TLS) with this certificate instead of plain TCP. */
  tls?: { key: string; cert: string };
  /** Added before every reply, as a WAN link between the office and the router would. */
  roundTripMs?: number;
  cpuLoad?: number;
  uptime?: string;
  /**
   * Cut every reply into pieces of at most this many bytes, each its own write a moment apart, so
   * words and length bytes arrive split across TCP reads as they do from a real router over a WAN.
   */
  chunkBytes?: number;
  /** The loopback port to listen on (a free one if omitted). */
  port?: number;
  /** Keep every command in `received` (tests read it); the demo's router, running for days, does not. */
  recordCommands?: boolean;
}

export interface ReceivedCommand {
  words: string[];
  user: string | null;
}

export interface RouterOsServer {
  readonly host: string;
  readonly port: number;
  readonly version: RouterOsVersion;
  /** The live rows of a menu ('/ppp/secret'; a settings menu's one row): tests read and change them as a technician in Winbox would. */
  table(path: string): Row[];
  /** Adds rows with fresh `.id`s and `disabled=false` where the menu has it. */
  seed(path: string, rows: Row[]): void;
  /** Every command sentence received after login, in order. */
  readonly received: readonly ReceivedCommand[];
  /** Commands (login excluded) received and not yet answered, now and at most so far. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  resetMaxInFlight(): void;
  /** TCP connections accepted so far. */
  readonly connections: number;
  readonly openConnections: number;
  setFault(fault: ConnectionFault | null): Promise<void>;
  /** The next `count` commands whose words start with `command` (any, if omitted) meet `fault`. */
  failNext(count: number, fault: CommandFault, command?: string): void;
  /** Forgets the command faults still to come: a router silent for "the next 10,000 commands" answers again. */
  clearCommandFaults(): void;
  /** Extra time before answering each command (a busy router). */
  setCommandDelay(ms: number): void;
  setRoundTrip(ms: number): void;
  setCpuLoad(load: number): void;
  /** Breaks every open connection as a reboot or a cable pulled would. */
  dropConnections(): void;
  close(): Promise<void>;
}

const NAMED = new Set(['/ppp/secret', '/ppp/profile', '/ip/pool', '/ip/hotspot/user', '/ip/hotspot/user/profile', '/user', '/user/group']);
const DISABLEABLE = new Set(['/ppp/secret', '/ip/hotspot/user', '/ip/firewall/address-list', '/ip/firewall/filter', '/ip/firewall/nat', '/radius', '/user']);
const WRITE_VERBS = new Set(['add', 'set', 'remove', 'enable', 'disable']);
const POLICIES = {
  full: 'local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api',
  write: 'local,telnet,ssh,ftp,reboot,read,write,!policy,test,winbox,password,web,sniff,!sensitive,api,romon,rest-api',
  read: 'local,telnet,ssh,!ftp,reboot,read,!write,!policy,test,winbox,password,web,sniff,!sensitive,api,!romon,rest-api',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "6.49" -> 649, "7.10" -> 710: versions compared as numbers. */
const versionNumber = (version: RouterOsVersion): number => {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return major * 100 + minor;
};

/** RouterOS before 7.10 writes `jul/14/2023`; from 7.10 on `2023-07-14`. */
function routerDate(version: RouterOsVersion, date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = String(date.getUTCDate()).padStart(2, '0');
  if (versionNumber(version) >= 710) return `${y}-${String(m + 1).padStart(2, '0')}-${d}`;
  return `${MONTHS[m]}/${d}/${y}`;
}

interface Command {
  verb: string;
  menu: string;
  attributes: Map<string, string>;
  queries: string[];
  tag: string | null;
}

function parseCommand(words: string[]): Command {
  const path = words[0] ?? '';
  const cut = path.lastIndexOf('/');
  const attributes = new Map<string, string>();
  const queries: string[] = [];
  let tag: string | null = null;
  for (const word of words.slice(1)) {
    if (word.startsWith('.tag=')) tag = word.slice(5);
    else if (word.startsWith('?')) queries.push(word.slice(1));
    else if (word.startsWith('=')) {
      const eq = word.indexOf('=', 1);
      attributes.set(eq < 0 ? word.slice(1) : word.slice(1, eq), eq < 0 ? '' : word.slice(eq + 1));
    }
  }
  return { verb: path.slice(cut + 1), menu: path.slice(0, cut), attributes, queries, tag };
}

const compare = (a: string, b: string): number => {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) && a !== '' && b !== '' ? x - y : a.localeCompare(b);
};

/** RouterOS's query words: each pushes a truth value; `?#` combines them; the result is all of them. */
function matches(row: Row, queries: string[]): boolean {
  const stack: boolean[] = [];
  for (const query of queries) {
    if (query.startsWith('#')) {
      for (const op of query.slice(1)) {
        if (op === '!') stack.push(!stack.pop());
        else if (op === '.') stack.push(stack[stack.length - 1] ?? true);
        else {
          const b = stack.pop() ?? true;
          const a = stack.pop() ?? true;
          stack.push(op === '|' ? a || b : a && b);
        }
      }
      continue;
    }
    const op = query[0] === '<' || query[0] === '>' || query[0] === '-' ? query[0] : '';
    const body = query.slice(op.length);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? null : body.slice(eq + 1);
    const have = row[name];
    if (op === '-') stack.push(have === undefined);
    else if (value === null) stack.push(have !== undefined);
    else if (op === '<') stack.push(have !== undefined && compare(have, value) < 0);
    else if (op === '>') stack.push(have !== undefined && compare(have, value) > 0);
    else stack.push(have === value);
  }
  return stack.every(Boolean);
}

class Failure extends Error {}

/**
 * Writes replies in pieces, one per timer turn so each leaves as its own TCP segment even on
 * loopback; replies queue behind each other so pieces of two replies never interleave.
 */
function pieceWriter(socket: Socket, size: number): (bytes: Buffer) => void {
  let outbox = Buffer.alloc(0);
  let pumping = false;
  const pump = () => {
    if (socket.destroyed || outbox.length === 0) {
      pumping = false;
      return;
    }
    socket.write(outbox.subarray(0, size));
    outbox = outbox.subarray(size);
    setImmediate(pump);
  };
  return (bytes) => {
    outbox = Buffer.concat([outbox, bytes]);
    if (!pumping) {
      pumping = true;
      pump();
    }
  };
}

export async function startRouterOsServer(options: RouterOsServerOptions = {}): Promise<RouterOsServer> {
  const version = options.version ?? '7.18';
  const users = options.users ?? [{ name: 'admin', password: 'rahasia', group: 'full' }];
  let identity = options.identity ?? 'MikroTik';
  let roundTripMs = options.roundTripMs ?? 0;
  let commandDelayMs = 0;
  let cpuLoad = options.cpuLoad ?? 3;
  const uptime = options.uptime ?? '1w2d3h4m5s';
  const tables = new Map<string, Row[]>();
  let nextId = 0;
  const received: ReceivedCommand[] = [];
  const recordCommands = options.recordCommands ?? true;
  const sockets = new Set<Socket>();
  const commandFaults: { count: number; fault: CommandFault; command: string | undefined }[] = [];
  let connectionFault: ConnectionFault | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  let connections = 0;

  /** Menus that are one set of settings (`/radius incoming set accept=yes`), as a fresh router has them. */
  const settings: Record<string, Row> = {
    '/radius/incoming': { accept: 'false', port: '3799' },
    '/ppp/aaa': { 'use-radius': 'false', accounting: 'true', 'interim-update': '0s' },
  };

  const table = (path: string): Row[] => {
    // A settings menu reads as its one row, live: a test changes it as a technician in Winbox would.
    const setting = settings[path];
    if (setting) return [setting];
    let rows = tables.get(path);
    if (!rows) tables.set(path, (rows = []));
    return rows;
  };
  const newId = () => `*${(++nextId).toString(16).toUpperCase()}`;
  const seed = (path: string, rows: Row[]) => {
    for (const row of rows) table(path).push({ '.id': newId(), ...(DISABLEABLE.has(path) ? { disabled: 'false' } : {}), ...row });
  };
  seed('/user/group', (['full', 'write', 'read'] as const).map((name) => ({ name, policy: POLICIES[name] })));
  seed('/user', users.map((u) => ({ name: u.name, group: u.group })));

  const singletons: Record<string, () => Row> = {
    ...Object.fromEntries(Object.entries(settings).map(([menu, row]) => [menu, () => row])),
    '/system/identity': () => ({ name: identity }),
    '/system/resource': () => ({
      uptime,
      version: `${version}${versionNumber(version) >= 700 ? '.1' : ''} (stable)`,
      'build-time': `${routerDate(version, new Date(Date.UTC(2023, 6, 14)))} 10:00:00`,
      'cpu-load': String(cpuLoad),
      'free-memory': '180224000',
      'total-memory': '268435456',
      'board-name': 'hEX',
      'architecture-name': 'mmips',
    }),
    '/system/clock': () => ({ date: routerDate(version, new Date(Date.UTC(2023, 6, 14))), time: '10:00:00', 'time-zone-name': 'Asia/Jakarta' }),
  };

  function targets(menu: string, command: Command): Row[] {
    const rows = table(menu);
    const wanted = command.attributes.get('.id') ?? command.attributes.get('numbers');
    if (wanted === undefined) throw new Failure('no such item');
    return wanted.split(',').map((ref) => {
      const row = rows.find((r) => r['.id'] === ref || (NAMED.has(menu) && r.name === ref));
      if (!row) throw new Failure('no such item');
      return row;
    });
  }

  /** Applies one command (after login) and returns its reply sentences without tags. */
  function execute(command: Command, user: RouterOsUser): string[][] {
    const { verb, menu, attributes } = command;
    if (WRITE_VERBS.has(verb) && user.group === 'read') throw new Failure('not enough permissions (9)');
    const singleton = singletons[menu];
    if (singleton) {
      if (verb === 'print') return [['!re', ...Object.entries(singleton()).map(([k, v]) => `=${k}=${v}`)], ['!done']];
      if (verb === 'set' && menu === '/system/identity') {
        identity = attributes.get('name') ?? identity;
        return [['!done']];
      }
      const setting = settings[menu];
      if (verb === 'set' && setting) {
        for (const [k, v] of attributes) if (!k.startsWith('.')) setting[k] = v;
        return [['!done']];
      }
      throw new Failure('no such command prefix');
    }
    if (!menu.startsWith('/') || !['print', ...WRITE_VERBS].includes(verb)) throw new Failure('no such command prefix');
    const rows = table(menu);
    const values = [...attributes].filter(([k]) => !k.startsWith('.') && k !== 'numbers' && k !== 'place-before');
    switch (verb) {
      case 'print': {
        const proplist = attributes.get('.proplist')?.split(',');
        const found = rows.filter((row) => matches(row, command.queries));
        if (found.length === 0) return versionNumber(version) >= 718 ? [['!empty'], ['!done']] : [['!done']];
        const words = (row: Row) => Object.entries(row).filter(([k]) => !proplist || proplist.includes(k)).map(([k, v]) => `=${k}=${v}`);
        return [...found.map((row) => ['!re', ...words(row)]), ['!done']];
      }
      case 'add': {
        const name = attributes.get('name');
        if (NAMED.has(menu) && name !== undefined && rows.some((r) => r.name === name)) throw new Failure('failure: item with this name already exists');
        // Firewall rules are ordered: `place-before` puts the new one above the item named, as RouterOS does.
        const before = attributes.get('place-before');
        const at = before === undefined ? rows.length : rows.findIndex((r) => r['.id'] === before);
        if (at < 0) throw new Failure('no such item');
        const id = newId();
        rows.splice(at, 0, { '.id': id, ...(DISABLEABLE.has(menu) ? { disabled: 'false' } : {}), ...Object.fromEntries(values) });
        return [['!done', `=ret=${id}`]];
      }
      case 'set':
        for (const row of targets(menu, command)) for (const [k, v] of values) row[k] = v;
        return [['!done']];
      case 'remove':
        for (const row of targets(menu, command)) rows.splice(rows.indexOf(row), 1);
        return [['!done']];
      default:
        for (const row of targets(menu, command)) row.disabled = verb === 'disable' ? 'true' : 'false';
        return [['!done']];
    }
  }

  function takeFault(words: string[]): CommandFault | null {
    const index = commandFaults.findIndex((f) => f.command === undefined || words[0]?.startsWith(f.command));
    if (index < 0) return null;
    const entry = commandFaults[index] as (typeof commandFaults)[number];
    entry.count -= 1;
    if (entry.count <= 0) commandFaults.splice(index, 1);
    return entry.fault;
  }

  function serve(socket: Socket): void {
    connections += 1;
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    if (connectionFault === 'api-disabled') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    const reader = new SentenceReader();
    const write = options.chunkBytes === undefined ? (bytes: Buffer) => socket.write(bytes) : pieceWriter(socket, options.chunkBytes);
    let user: RouterOsUser | null = null;
    let challenge: Buffer | null = null;
    let pending = 0;
    const ignoring = connectionFault === 'not-allowed';
    socket.on('close', () => {
      sockets.delete(socket);
      inFlight -= pending;
      pending = 0;
    });

    const reply = (sentences: string[][], tag: string | null, counted: boolean, extraMs = 0) => {
      const send = () => {
        if (counted) {
          pending -= 1;
          inFlight -= 1;
        }
        if (socket.destroyed) return;
        const bytes = Buffer.concat(sentences.map((s) => encodeSentence(tag === null ? s : [...s, `.tag=${tag}`])));
        write(bytes);
      };
      const wait = roundTripMs + extraMs;
      if (wait > 0) setTimeout(send, wait);
      else send();
    };

    const login = (command: Command) => {
      const name = command.attributes.get('name');
      const found = users.find((u) => u.name === name);
      const response = command.attributes.get('response');
      if (versionNumber(version) < 643) {
        if (response === undefined) {
          challenge = randomBytes(16);
          reply([['!done', `=ret=${challenge.toString('hex')}`]], command.tag, false);
          return;
        }
        const expected = found && challenge ? `00${createHash('md5').update(Buffer.concat([Buffer.from([0]), Buffer.from(found.password, 'latin1'), challenge])).digest('hex')}` : null;
        if (found && response === expected) {
          user = found;
          reply([['!done']], command.tag, false);
        } else {
          reply([['!trap', '=message=cannot log in'], ['!done']], command.tag, false);
        }
        return;
      }
      if (found && command.attributes.get('password') === found.password) {
        user = found;
        reply([['!done']], command.tag, false);
      } else {
        reply([['!trap', '=message=invalid user name or password (6)'], ['!done']], command.tag, false);
      }
    };

    const handle = (words: string[]) => {
      const command = parseCommand(words);
      if (words[0] === '/login') {
        login(command);
        return;
      }
      if (!user) {
        socket.end(encodeSentence(['!fatal', 'not logged in']));
        return;
      }
      if (recordCommands) received.push({ words, user: user.name });
      pending += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const fault = takeFault(words);
      if (fault === 'silent') return;
      if (fault === 'fatal') {
        // What an admin's "kill session" or a reboot in progress says: untagged, then the end.
        socket.end(encodeSentence(['!fatal', 'session terminated on request']));
        return;
      }
      if (fault === 'drop-before-apply') {
        socket.destroy();
        return;
      }
      let sentences: string[][];
      try {
        sentences = execute(command, user);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        sentences = [['!trap', `=message=${error.message}`], ['!done']];
      }
      if (fault === 'drop-after-apply') {
        socket.destroy();
        return;
      }
      reply(sentences, command.tag, true, commandDelayMs);
    };

    socket.on('data', (chunk: Buffer) => {
      if (ignoring) return;
      for (const words of reader.push(chunk)) handle(words);
    });
  }

  const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, serve) : createTcpServer(serve);
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    // A port already taken (the demo asks for the one it had last time) fails the start instead of hanging it.
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };

  return {
    host,
    port,
    version,
    table,
    seed,
    received,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    resetMaxInFlight: () => {
      maxInFlight = inFlight;
    },
    get connections() {
      return connections;
    },
    get openConnections() {
      return sockets.size;
    },
    async setFault(fault) {
      const wasDown = connectionFault === 'down';
      connectionFault = fault;
      if (fault === 'down' && !wasDown) {
        dropConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (wasDown && fault !== 'down') {
        await new Promise<void>((resolve) => server.listen(port, host, resolve));
      }
    },
    failNext: (count, fault, command) => {
      commandFaults.push({ count, fault, command });
    },
    clearCommandFaults: () => {
      commandFaults.splice(0);
    },
    setCommandDelay: (ms) => {
      commandDelayMs = ms;
    },
    setRoundTrip: (ms) => {
      roundTripMs = ms;
    },
    setCpuLoad: (load) => {
      cpuLoad = load;
    },
    dropConnections,
    close: async () => {
      dropConnections();
      if (connectionFault !== 'down') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
