import Database from 'better-sqlite3';
import type { OpenSession, RadiusStore } from './radius-store.js';

/**
 * The RADIUS store on the SQLite file FreeRADIUS's rlm_sql_sqlite reads. FreeRADIUS has the file
 * open at the same time, so the file's journal mode is left as FreeRADIUS set it, and a write waits
 * for FreeRADIUS's lock (busy timeout) rather than failing at once.
 *
 * The file is opened on first use: a wrong path becomes a failed isolir step the operator can read,
 * not a crash when the console starts. It must exist (an empty new file would "work" and isolate no one).
 */
export class SqliteRadiusStore implements RadiusStore {
  private db: Database.Database | null = null;

  constructor(
    private readonly path: string,
    private readonly options: { busyTimeoutMs?: number } = {},
  ) {}

  async hasGroup(group: string): Promise<boolean> {
    const row = this.open()
      .prepare<[string], { one: number }>('SELECT 1 AS one FROM radgroupreply WHERE groupname = ? LIMIT 1')
      .get(group);
    return row !== undefined;
  }

  async setGroup(username: string, group: string): Promise<{ changed: boolean }> {
    const db = this.open();
    // One IMMEDIATE transaction: the read and the write under one write lock (another process on
    // the file cannot slip a row in between), and FreeRADIUS never reads the user in no group,
    // which would log them in with no group reply attributes at all.
    const apply = db.transaction((): boolean => {
      const rows = db
        .prepare<[string], { groupname: string }>('SELECT groupname FROM radusergroup WHERE username = ?')
        .all(username);
      if (rows.length === 1 && rows[0]?.groupname === group) return false;
      db.prepare('DELETE FROM radusergroup WHERE username = ?').run(username);
      db.prepare('INSERT INTO radusergroup (username, groupname, priority) VALUES (?, ?, 1)').run(username, group);
      return true;
    });
    return { changed: apply.immediate() };
  }

  async openSession(username: string): Promise<OpenSession | null> {
    const row = this.open()
      .prepare<[string], { acctsessionid: string; framedipaddress: string }>(
        `SELECT acctsessionid, framedipaddress FROM radacct
          WHERE username = ? AND acctstoptime IS NULL
          ORDER BY acctstarttime DESC, radacctid DESC LIMIT 1`,
      )
      .get(username);
    return row === undefined ? null : { acctSessionId: row.acctsessionid, framedIp: row.framedipaddress };
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private open(): Database.Database {
    this.db ??= new Database(this.path, { fileMustExist: true, timeout: this.options.busyTimeoutMs ?? 5000 });
    return this.db;
  }
}
