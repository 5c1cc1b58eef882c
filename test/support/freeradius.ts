import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * A real FreeRADIUS (Debian's freeradius 3.2, `apt-get install freeradius`; `.ci/run` installs it),
 * started as our own instance: its own raddb in a temp folder, loopback ports picked free, never
 * the distro's service or config. What it runs:
 * - auth and accounting on rlm_sql with the SQLite driver, on a file made from Debian's own
 *   schema.sql: the file the executor's SqliteRadiusStore writes;
 * - post-auth adding Message-Authenticator to every Access-Accept, as RouterOS 7.15+ requires
 *   (3.2.1 does not add it by itself);
 * - a coa listener (sites-available/coa style) standing in for the router's "RADIUS > Incoming":
 *   it ACKs a Disconnect-Request that names an open radacct session by User-Name, Acct-Session-Id
 *   and Framed-IP-Address, closes that session as the router's Accounting-Stop would, and NAKs
 *   anything else with the Error-Cause a MikroTik gives (402 without the address, 503 for no such session).
 * FreeRADIUS checks every request's Request Authenticator and Message-Authenticator against the
 * client's secret and drops what does not match without answering, exactly as a NAS does.
 */

const BINARY = '/usr/sbin/freeradius';
const DEBIAN_RADDB = '/etc/freeradius/3.0';
const SCHEMA = `${DEBIAN_RADDB}/mods-config/sql/main/sqlite/schema.sql`;
const QUERIES = `${DEBIAN_RADDB}/mods-config/sql/main/sqlite/queries.conf`;
const INSTALL_HINT =
  'FreeRADIUS is needed for the RADIUS isolir tests: apt-get install -y freeradius (Debian 12, 3.2.x); .ci/run installs it.';

export interface FreeRadius {
  /** The SQLite file rlm_sql reads: pass its path to SqliteRadiusStore. */
  readonly dbPath: string;
  /** The same file, opened for the test's own setup and checks. */
  readonly db: Database.Database;
  readonly secret: string;
  readonly authPort: number;
  readonly acctPort: number;
  /** The Disconnect/CoA listener: the test's stand-in for the router's RADIUS incoming port. */
  readonly coaPort: number;
  /** Everything FreeRADIUS logged so far (debug level: why a packet was dropped). */
  log(): string;
  stop(): Promise<void>;
}

export interface FreeRadiusOptions {
  secret?: string;
}

/** Fails with a plain message (never skips) when FreeRADIUS or its Debian config is missing. */
function requireFreeRadius(): void {
  for (const path of [BINARY, SCHEMA, QUERIES]) {
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw new Error(`${path} is missing or unreadable. ${INSTALL_HINT} (Its config under /etc/freeradius is readable by root and the freerad group.)`);
    }
  }
}

export async function startFreeRadius(options: FreeRadiusOptions = {}): Promise<FreeRadius> {
  requireFreeRadius();
  // The free ports are picked a moment before FreeRADIUS binds them: another test may take one meanwhile.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options.secret ?? 'rahasia-radius-uji');
    } catch (error) {
      if (attempt === 3 || !(error as Error).message.includes('Address already in use')) throw error;
    }
  }
}

async function startOnce(secret: string): Promise<FreeRadius> {
  const dir = mkdtempSync(join(tmpdir(), 'rrnet-freeradius-'));
  for (const sub of ['log', 'run']) mkdirSync(join(dir, sub));
  const dbPath = join(dir, 'radius.sqlite');
  const db = new Database(dbPath);
  db.exec(readFileSync(SCHEMA, 'utf8'));
  const [authPort = 0, acctPort = 0, coaPort = 0] = await freeUdpPorts(3);
  writeFileSync(join(dir, 'radiusd.conf'), radiusdConf({ dir, dbPath, secret, authPort, acctPort, coaPort }));

  const output: string[] = [];
  const child = spawn(BINARY, ['-f', '-x', '-l', 'stdout', '-d', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const log = () => output.join('');
  try {
    await ready(child, log);
  } catch (error) {
    child.kill('SIGKILL');
    db.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    dbPath,
    db,
    secret,
    authPort,
    acctPort,
    coaPort,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Until FreeRADIUS says it is ready; its own words when it stops first. */
function ready(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`FreeRADIUS did not become ready in 20 s:\n${log()}`)), 20_000);
    const check = () => {
      if (log().includes('Ready to process requests')) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`FreeRADIUS exited with ${code} before it was ready:\n${log()}`));
    });
  });
}

/** Ports the kernel hands out free now; FreeRADIUS binds them a moment later. */
async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from({ length: count }, () => {
      const socket = createSocket('udp4');
      return new Promise<ReturnType<typeof createSocket>>((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket)));
    }),
  );
  const ports = sockets.map((s) => s.address().port);
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

interface ConfValues {
  dir: string;
  dbPath: string;
  secret: string;
  authPort: number;
  acctPort: number;
  coaPort: number;
}

/** One self-contained radiusd.conf: only the modules the tests use, nothing from the distro's sites. */
function radiusdConf(v: ConfValues): string {
  // The session a Disconnect-Request names, as a router matches it.
  const session = `username = '%{User-Name}' AND acctsessionid = '%{Acct-Session-Id}' AND framedipaddress = '%{Framed-IP-Address}' AND acctstoptime IS NULL`;
  return `
prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
logdir = ${v.dir}/log
raddbdir = ${v.dir}
radacctdir = ${v.dir}/log
name = freeradius
confdir = ${v.dir}
modconfdir = ${DEBIAN_RADDB}/mods-config
run_dir = ${v.dir}/run
db_dir = ${v.dir}
libdir = /usr/lib/freeradius
pidfile = ${v.dir}/run/freeradius.pid
max_request_time = 30
cleanup_delay = 5
max_requests = 16384
hostname_lookups = no

log {
	destination = stdout
	colourise = no
	stripped_names = no
	auth = yes
}

security {
	allow_core_dumps = no
	max_attributes = 200
	reject_delay = 0
	status_server = no
}

thread pool {
	start_servers = 2
	max_servers = 4
	min_spare_servers = 1
	max_spare_servers = 2
	max_requests_per_server = 0
	auto_limit_acct = no
}

client loopback {
	ipaddr = 127.0.0.1
	secret = "${v.secret}"
	require_message_authenticator = yes
}

modules {
	sql {
		dialect = "sqlite"
		driver = "rlm_sql_sqlite"
		sqlite {
			filename = "${v.dbPath}"
			busy_timeout = 5000
		}
		radius_db = "radius"
		acct_table1 = "radacct"
		acct_table2 = "radacct"
		postauth_table = "radpostauth"
		authcheck_table = "radcheck"
		groupcheck_table = "radgroupcheck"
		authreply_table = "radreply"
		groupreply_table = "radgroupreply"
		usergroup_table = "radusergroup"
		delete_stale_sessions = yes
		pool {
			start = 1
			min = 1
			max = 4
			spare = 1
			uses = 0
			retry_delay = 1
			lifetime = 0
			idle_timeout = 0
		}
		read_clients = no
		client_table = "nas"
		group_attribute = "SQL-Group"
		$INCLUDE ${QUERIES}
	}
	pap {
		normalise = yes
	}
	# %{tolower:...} in Debian's queries.conf and %{md5:...} below.
	expr {
	}
	# "ok" and "reject" in unlang are modules (rlm_always), as in Debian's mods-enabled/always.
	always ok {
		rcode = ok
	}
	always reject {
		rcode = reject
	}
}

server default {
	listen {
		type = auth
		ipaddr = 127.0.0.1
		port = ${v.authPort}
	}
	listen {
		type = acct
		ipaddr = 127.0.0.1
		port = ${v.acctPort}
	}
	authorize {
		sql
		pap
	}
	authenticate {
		Auth-Type PAP {
			pap
		}
	}
	preacct {
		update request {
			&Acct-Unique-Session-Id := "%{md5:%{User-Name},%{Acct-Session-Id},%{NAS-IP-Address}}"
		}
	}
	accounting {
		sql
	}
	post-auth {
		# RouterOS 7.15+ drops an Access-Accept without it; FreeRADIUS signs it when it is present.
		update reply {
			&Message-Authenticator := 0x00
		}
	}
}

server coa {
	listen {
		type = coa
		ipaddr = 127.0.0.1
		port = ${v.coaPort}
		virtual_server = coa
	}
	recv-coa {
		if (!&Framed-IP-Address) {
			update reply {
				&Error-Cause := Missing-Attribute
			}
			reject
		}
		elsif ("%{sql:SELECT COUNT(*) FROM radacct WHERE ${session}}" == 0) {
			update reply {
				&Error-Cause := Session-Context-Not-Found
			}
			reject
		}
		else {
			update control {
				&Tmp-Integer-0 := "%{sql:UPDATE radacct SET acctstoptime = datetime('now'), acctterminatecause = 'Admin-Reset' WHERE ${session}}"
			}
			ok
		}
	}
	send-coa {
		ok
	}
}
`;
}
