import type { RouterError } from './router-error.js';

/**
 * The port the network and isolir services use to talk to a MikroTik. Everything else in this
 * folder is how it is done over the RouterOS API (node-routeros); a RADIUS or a test double can
 * stand behind the same shape.
 */

/** How to reach one router's API. The password arrives unsealed from the routers service. */
export interface RouterTarget {
  host: string;
  /** Defaults to 8728, or 8729 with `tls` (the API-SSL service). */
  port?: number;
  tls: boolean;
  username: string;
  password: string;
}

/** A router the console knows: its id keys the kept-open connection. */
export interface RouterRef extends RouterTarget {
  id: string;
}

/** One item of a RouterOS menu as the API prints it: every value is text, `.id` is its handle. */
export type Row = Readonly<Record<string, string>>;

export interface RouterHealth {
  identity: string;
  /** As RouterOS reports it, e.g. "7.18.1 (stable)". */
  version: string;
  cpuLoadPercent: number;
  uptimeSeconds: number;
  /** The router's own date, as YYYY-MM-DD whatever the RouterOS version writes. */
  routerDate: string | null;
  pppoeActive: number;
  hotspotActive: number;
}

export interface ActiveSession {
  kind: 'pppoe' | 'hotspot';
  /** The PPP secret's or hotspot user's name. */
  name: string;
  address: string | null;
  uptimeSeconds: number;
  /** PPPoE: the customer router's MAC (caller-id); hotspot: the device's MAC. */
  callerId: string | null;
  /** Its `.id` on the router: what removing (kicking) the session takes. */
  id: string;
}

/** "Test connection": a plain answer for the routers screen, never a thrown error. */
export type ConnectionCheck =
  | { ok: true; identity: string; version: string; writeRights: boolean; port: number }
  | { ok: false; error: RouterError; port: number };

export interface RouterApi {
  /** `query` holds exact matches (name=budi); `proplist` names the only fields wanted. */
  print(router: RouterRef, menu: string, query?: Readonly<Record<string, string>>, proplist?: readonly string[]): Promise<Row[]>;
  /** Returns the new item's `.id`. */
  add(router: RouterRef, menu: string, values: Readonly<Record<string, string>>): Promise<string>;
  /** `item` is an `.id` or, where the menu has names, a name (RouterOS's `numbers`). */
  set(router: RouterRef, menu: string, item: string, values: Readonly<Record<string, string>>): Promise<void>;
  remove(router: RouterRef, menu: string, item: string): Promise<void>;
  enable(router: RouterRef, menu: string, item: string): Promise<void>;
  disable(router: RouterRef, menu: string, item: string): Promise<void>;
  health(router: RouterRef): Promise<RouterHealth>;
  activeSessions(router: RouterRef): Promise<ActiveSession[]>;
  /** Connects afresh with these credentials (not the kept connection): what the form holds now. */
  testConnection(target: RouterTarget): Promise<ConnectionCheck>;
  /** Closes every kept connection (core shutdown); commands after it fail. */
  close(): Promise<void>;
}
