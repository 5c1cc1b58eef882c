import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PostgresLogin } from '../../main/isolir/executors/radius/postgres-radius-store.js';

/**
 * A real PostgreSQL 15 (Debian's postgresql-15, `apt-get install postgresql`; `.ci/run` installs
 * it), started as our own cluster: `initdb` in a temp folder, a loopback port picked free, the
 * socket in the same folder, never the distro's service or cluster. Passwords are checked
 * (scram-sha-256 on TCP), so a test can meet the refusal a wrong password gets from a real server.
 *
 * PostgreSQL refuses to run as root: when the tests run as root, the cluster runs as the `postgres`
 * user the Debian package creates (the folder is handed to it); otherwise as the tests' own user.
 */

const BIN = '/usr/lib/postgresql/15/bin';
const INSTALL_HINT = 'PostgreSQL 15 is needed for these tests: apt-get install -y postgresql (Debian 12); .ci/run installs it.';

/** How to sign in to a database: the shape the app's PostgreSQL RADIUS store takes. */
export type { PostgresLogin };

export interface Postgres {
  readonly host: string;
  readonly port: number;
  /** The superuser's login (database `postgres`). */
  readonly admin: PostgresLogin;
  /** A new database owned by a new user with this password; answers that user's login. */
  createDatabase(name: string, owner: { user: string; password: string }): Promise<PostgresLogin>;
  /** Runs SQL (several statements are fine when there are no parameters) on a database. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(login: PostgresLogin, sql: string, params?: unknown[]): Promise<R[]>;
  /** Stops the server until `start` (a database that went away, then came back). */
  pause(): Promise<void>;
  start(): Promise<void>;
  /** Everything the server logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Fails with a plain message (never skips) when PostgreSQL is not installed. */
function requirePostgres(): void {
  try {
    accessSync(join(BIN, 'initdb'), constants.X_OK);
  } catch {
    throw new Error(`${BIN}/initdb is missing. ${INSTALL_HINT}`);
  }
}

/** Under root, the `postgres` user's ids; otherwise null (run as ourselves). */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgres(): Promise<Postgres> {
  requirePostgres();
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'rrnet-postgres-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  const as = owner ?? {};
  execFileSync(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C.UTF-8'], {
    ...as,
    stdio: 'pipe',
  });
  const port = await freeTcpPort();
  const output: string[] = [];
  let child: ChildProcess | null = null;

  const launch = async () => {
    // Only what this start logs: a restart must not take the last start's "ready" for its own.
    const from = output.length;
    const server = spawn(join(BIN, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off'], {
      ...as,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child = server;
    await ready(server, () => output.slice(from).join(''));
  };
  const halt = async () => {
    const server = child;
    child = null;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    // Fast shutdown: open connections are ended, as when a server goes down.
    server.kill('SIGINT');
    await exited;
  };

  try {
    await launch();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const admin: PostgresLogin = { host: '127.0.0.1', port, database: 'postgres', user: 'postgres', password };
  const query = async <R extends pg.QueryResultRow>(login: PostgresLogin, sql: string, params: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client(login);
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  return {
    host: '127.0.0.1',
    port,
    admin,
    query,
    async createDatabase(name, who) {
      // Names are the test's own; the password goes as a literal (CREATE ROLE takes no parameters).
      await query(admin, `CREATE ROLE "${who.user}" LOGIN PASSWORD '${who.password.replace(/'/g, "''")}'`).catch((error: Error) => {
        if (!/already exists/.test(error.message)) throw error;
      });
      await query(admin, `CREATE DATABASE "${name}" OWNER "${who.user}"`);
      return { host: '127.0.0.1', port, database: name, user: who.user, password: who.password };
    },
    pause: halt,
    start: launch,
    log: () => output.join(''),
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Until the server accepts connections; its own words when it stops first. */
function ready(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not become ready in 20 s:\n${log()}`)), 20_000);
    const check = () => {
      if (log().includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        child.stderr?.off('data', check);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code} before it was ready:\n${log()}`));
    });
  });
}

/** A port the kernel hands out free now; PostgreSQL binds it a moment later. */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
