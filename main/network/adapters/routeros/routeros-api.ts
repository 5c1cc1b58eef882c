import type { ActiveSession, ConnectionCheck, RouterApi, RouterHealth, RouterRef, RouterTarget, Row } from './router-api.js';
import { RouterError } from './router-error.js';
import { DEFAULT_CONNECTIONS, RouterConnections, type RouterConnectionsOptions } from './router-connections.js';
import { apiPort, RouterOsConnection } from './routeros-connection.js';
import { routerDate, routerDuration } from './router-values.js';

/** A menu path ("/ppp/secret") and attribute names: what may go into a word before its `=`. */
const MENU = /^(\/[a-z0-9-]+)+$/;
const NAME = /^[a-z0-9.-]+$/;

function checkMenu(menu: string): void {
  if (!MENU.test(menu)) throw new RouterError('COMMAND_FAILED', `not a RouterOS menu: ${menu}`);
}

function attributes(values: Readonly<Record<string, string>>, prefix: '=' | '?'): string[] {
  return Object.entries(values).map(([name, value]) => {
    if (!NAME.test(name)) throw new RouterError('COMMAND_FAILED', `not a RouterOS attribute: ${name}`);
    return `${prefix}${name}=${value}`;
  });
}

const first = (rows: Row[]): Row => rows[0] ?? {};
const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** The console's RouterOS API client: the port's commands over the kept connections. */
export class RouterOsApi implements RouterApi {
  private readonly connections: RouterConnections;

  constructor(private readonly options: RouterConnectionsOptions = DEFAULT_CONNECTIONS) {
    this.connections = new RouterConnections(options);
  }

  async print(router: RouterRef, menu: string, query: Readonly<Record<string, string>> = {}, proplist?: readonly string[]): Promise<Row[]> {
    checkMenu(menu);
    const words = [`${menu}/print`, ...attributes(query, '?')];
    if (proplist) words.push(`=.proplist=${proplist.join(',')}`);
    return this.connections.run(router, words);
  }

  async add(router: RouterRef, menu: string, values: Readonly<Record<string, string>>): Promise<string> {
    checkMenu(menu);
    const reply = await this.connections.run(router, [`${menu}/add`, ...attributes(values, '=')]);
    const id = first(reply).ret;
    if (id === undefined) throw new RouterError('COMMAND_FAILED', `${menu}/add answered without the new item's id`);
    return id;
  }

  async set(router: RouterRef, menu: string, item: string, values: Readonly<Record<string, string>>): Promise<void> {
    await this.onItem(router, menu, 'set', item, attributes(values, '='));
  }

  async remove(router: RouterRef, menu: string, item: string): Promise<void> {
    await this.onItem(router, menu, 'remove', item);
  }

  async enable(router: RouterRef, menu: string, item: string): Promise<void> {
    await this.onItem(router, menu, 'enable', item);
  }

  async disable(router: RouterRef, menu: string, item: string): Promise<void> {
    await this.onItem(router, menu, 'disable', item);
  }

  async health(router: RouterRef): Promise<RouterHealth> {
    const [identity, resource, clock, pppoe, hotspot] = await Promise.all([
      this.print(router, '/system/identity'),
      this.print(router, '/system/resource', {}, ['version', 'cpu-load', 'uptime']),
      this.print(router, '/system/clock', {}, ['date']),
      this.print(router, '/ppp/active', {}, ['.id']),
      this.print(router, '/ip/hotspot/active', {}, ['.id']),
    ]);
    const r = first(resource);
    const date = text(first(clock).date);
    return {
      identity: first(identity).name ?? '',
      version: r.version ?? '',
      cpuLoadPercent: Number(r['cpu-load'] ?? 0),
      uptimeSeconds: routerDuration(r.uptime ?? ''),
      routerDate: date === null ? null : routerDate(date),
      pppoeActive: pppoe.length,
      hotspotActive: hotspot.length,
    };
  }

  async activeSessions(router: RouterRef): Promise<ActiveSession[]> {
    const [pppoe, hotspot] = await Promise.all([
      this.print(router, '/ppp/active', {}, ['.id', 'name', 'address', 'uptime', 'caller-id']),
      this.print(router, '/ip/hotspot/active', {}, ['.id', 'user', 'address', 'uptime', 'mac-address']),
    ]);
    const session = (kind: ActiveSession['kind'], row: Row, name: string | undefined, callerId: string | undefined): ActiveSession => ({
      kind,
      id: row['.id'] ?? '',
      name: name ?? '',
      address: text(row.address),
      uptimeSeconds: routerDuration(row.uptime ?? ''),
      callerId: text(callerId),
    });
    return [
      ...pppoe.map((row) => session('pppoe', row, row.name, row['caller-id'])),
      ...hotspot.map((row) => session('hotspot', row, row.user, row['mac-address'])),
    ];
  }

  async testConnection(target: RouterTarget): Promise<ConnectionCheck> {
    const port = apiPort(target);
    let connection: RouterOsConnection | null = null;
    try {
      connection = await RouterOsConnection.open(target, this.options);
      const open = connection;
      const [identity, resource, user] = await Promise.all([
        open.run(['/system/identity/print']),
        open.run(['/system/resource/print', '=.proplist=version']),
        open.run(['/user/print', `?name=${target.username}`, '=.proplist=group']),
      ]);
      const group = first(user).group;
      const policy = group === undefined ? [] : (first(await open.run(['/user/group/print', `?name=${group}`, '=.proplist=policy'])).policy ?? '').split(',');
      return { ok: true, port, identity: first(identity).name ?? '', version: first(resource).version ?? '', writeRights: policy.includes('write') };
    } catch (error) {
      if (error instanceof RouterError) return { ok: false, port, error };
      throw error;
    } finally {
      connection?.close();
    }
  }

  close(): Promise<void> {
    return this.connections.close();
  }

  private onItem(router: RouterRef, menu: string, verb: string, item: string, values: string[] = []): Promise<Row[]> {
    checkMenu(menu);
    // `.id`s start with '*'; anything else is a name, which RouterOS takes through `numbers`.
    return this.connections.run(router, [`${menu}/${verb}`, item.startsWith('*') ? `=.id=${item}` : `=numbers=${item}`, ...values]);
  }
}
