/**
 * The FreeRADIUS SQL database, as the RADIUS executor uses it: which group a user is in
 * (`radusergroup`, whose group replies in `radgroupreply` decide the pool, address list and rate)
 * and the user's live session (`radacct`'s open row, written by the router's accounting).
 *
 * The tables are FreeRADIUS's standard rlm_sql schema, the same in SQLite, PostgreSQL and MySQL;
 * only the driver differs. `sqlite-radius-store.ts` is the SQLite one (a file rlm_sql_sqlite
 * reads); a PostgreSQL or MySQL store implements these three methods with the same statements.
 * Methods are async for their sake.
 */

export interface OpenSession {
  acctSessionId: string;
  /** The address the router gave the session; '' when accounting did not report one. */
  framedIp: string;
}

export interface RadiusStore {
  /**
   * Whether the group gives any reply attributes (`radgroupreply`). A user moved into a group
   * without them logs in with no pool, address list or rate limit at all: unrestricted, the
   * opposite of isolated.
   */
  hasGroup(group: string): Promise<boolean>;
  /**
   * Leaves the user in exactly this one group (one `radusergroup` row). `changed` is false when
   * that was already so: running it twice changes nothing more.
   */
  setGroup(username: string, group: string): Promise<{ changed: boolean }>;
  /** The user's newest session without a stop time, or null when they are offline. */
  openSession(username: string): Promise<OpenSession | null>;
}
