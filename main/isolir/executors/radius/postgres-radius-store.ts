import pg from 'pg';
import { RADIUS_TABLES } from '../../../../shared/domain/radius-database.js';
import { classifyPgError, RadiusDbError } from './radius-db-error.js';
import type { OpenSession, RadiusStore } from './radius-store.js';

export interface PostgresLogin {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

export interface PostgresStoreTiming {
  /** How long to wait for the server to accept a connection before calling it unreachable. */
  connectTimeoutMs: number;
  /** How long one statement may take, on our side and on the server's. */
  queryTimeoutMs: number;
}

const DEFAULT_TIMING: PostgresStoreTiming = { connectTimeoutMs: 5000, queryTimeoutMs: 10_000 };

/**
 * The RADIUS store on the PostgreSQL database FreeRADIUS's rlm_sql_postgresql reads, the same
 * statements as on SQLite with `$n` parameters (never a value pasted into SQL).
 *
 * A small pool: isolir runs many customers at once, but each step is one short statement, and the
 * database is FreeRADIUS's, which must keep connections for logins. Connections are made on first
 * use (a database that is down when the console starts is a failed isolir step with its reason, not
 * a crash) and closed after a while idle. A connection the server drops while idle is only noted:
 * the next statement gets a new one.
 */
export class PostgresRadiusStore implements RadiusStore {
  private readonly pool: pg.Pool;

  constructor(login: PostgresLogin, timing: PostgresStoreTiming = DEFAULT_TIMING) {
    this.pool = new pg.Pool({
      ...login,
      max: 4,
      connectionTimeoutMillis: timing.connectTimeoutMs,
      query_timeout: timing.queryTimeoutMs,
      statement_timeout: timing.queryTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: 'rrnet-console',
    });
    // Without a listener an idle connection's socket error would be thrown at the process.
    this.pool.on('error', () => undefined);
  }

  async hasGroup(group: string): Promise<boolean> {
    const rows = await this.query('SELECT 1 FROM radgroupreply WHERE groupname = $1 LIMIT 1', [group]);
    return rows.length > 0;
  }

  async setGroup(username: string, group: string): Promise<{ changed: boolean }> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw classifyPgError(error);
    });
    try {
      // One transaction: FreeRADIUS never reads the user in no group (which would log them in with no
      // group reply attributes at all), and the lock on the name keeps two consoles' changes of the
      // same user in turn (row locks cannot: the user may have no row yet).
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('rrnet radusergroup ' || $1))", [username]);
      const rows = (await client.query<{ groupname: string }>('SELECT groupname FROM radusergroup WHERE username = $1', [username])).rows;
      if (rows.length === 1 && rows[0]?.groupname === group) {
        await client.query('COMMIT');
        return { changed: false };
      }
      await client.query('DELETE FROM radusergroup WHERE username = $1', [username]);
      await client.query('INSERT INTO radusergroup (username, groupname, priority) VALUES ($1, $2, 1)', [username, group]);
      await client.query('COMMIT');
      return { changed: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw classifyPgError(error);
    } finally {
      client.release();
    }
  }

  async openSession(username: string): Promise<OpenSession | null> {
    // framedipaddress is inet here: host() gives the bare address a Disconnect-Request carries.
    const rows = await this.query<{ acctsessionid: string; framedip: string }>(
      `SELECT acctsessionid, COALESCE(host(framedipaddress), '') AS framedip FROM radacct
        WHERE username = $1 AND acctstoptime IS NULL
        ORDER BY acctstarttime DESC NULLS LAST, radacctid DESC LIMIT 1`,
      [username],
    );
    const row = rows[0];
    return row === undefined ? null : { acctSessionId: row.acctsessionid, framedIp: row.framedip };
  }

  async check(): Promise<void> {
    const missing = await this.query<{ name: string }>('SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NULL', [[...RADIUS_TABLES]]);
    if (missing.length > 0) throw new RadiusDbError('RADIUS_DB_TABLES_MISSING', missing.map((r) => r.name).join(', '));
    // FreeRADIUS's own setup.sql grants its user only SELECT on radusergroup: isolir also deletes
    // and inserts there, and the insert takes a number from the id sequence. (A list of privileges
    // in one has_table_privilege call is true if any one is held, so each is asked alone.)
    const [rights] = await this.query<{ can: boolean }>(
      `SELECT has_table_privilege('radusergroup', 'INSERT') AND has_table_privilege('radusergroup', 'DELETE')
          AND COALESCE(has_sequence_privilege(pg_get_serial_sequence('radusergroup', 'id'), 'USAGE'), true) AS can`,
    );
    if (!rights?.can) throw new RadiusDbError('RADIUS_DB_NO_RIGHTS', 'no INSERT/DELETE on radusergroup (or USAGE on its id sequence)');
  }

  async close(): Promise<void> {
    if (this.pool.ended) return;
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw classifyPgError(error);
    }
  }
}
