import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { encodeTime } from 'ulid';
import { createCore, type Core, type CoreOptions } from '../../main/core/index.js';
import { createSecretBox } from '../../main/secrets/index.js';
import type { Clock, IdGenerator } from '../../main/platform/index.js';
import type { CallResult } from '../../shared/contract/errors.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import type { Locale } from '../../shared/domain/user.js';

/** A clock that only moves when the test says so. */
export interface PinnedClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** Monday 5 January 2026, 09:00 WIB: an ordinary office morning. */
export const TEST_EPOCH = Date.UTC(2026, 0, 5, 2, 0, 0);

export function pinnedClock(start = TEST_EPOCH): PinnedClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Valid, sortable ULIDs whose random part is a counter: the same test makes the same ids. */
export function sequentialIds(clock: Clock): IdGenerator {
  let counter = 0;
  return {
    next() {
      counter += 1;
      let n = counter;
      let tail = '';
      for (let i = 0; i < 16; i++) {
        tail = CROCKFORD[n % 32] + tail;
        n = Math.floor(n / 32);
      }
      return encodeTime(clock.now(), 10) + tail;
    },
  };
}

export function makeTempDir(prefix = 'rrnet-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  clock: PinnedClock;
  dataDir: string;
  /** Closes the core and opens a new one on the same file: an app restart. */
  restart(): Promise<Core>;
  /** Closes the core (if open) and removes the temp dir. */
  cleanup(): Promise<void>;
}

/** A core on a real SQLite file in a fresh temp dir, with a pinned clock and deterministic ids. */
export function createTestCore(
  options: { dataDir?: string; clock?: PinnedClock; wa?: CoreOptions['wa']; isolir?: CoreOptions['isolir']; routerProbe?: CoreOptions['routerProbe'] } = {},
): TestCore {
  const dataDir = options.dataDir ?? makeTempDir();
  const clock = options.clock ?? pinnedClock();
  const ids = sequentialIds(clock);
  const secrets = createSecretBox(randomBytes(32));
  const open = () =>
    createCore({
      dataDir,
      secrets,
      clock,
      ids,
      ...(options.wa ? { wa: options.wa } : {}),
      ...(options.isolir ? { isolir: options.isolir } : {}),
      ...(options.routerProbe ? { routerProbe: options.routerProbe } : {}),
    });
  let closed = false;
  const fixture: TestCore = {
    core: open(),
    clock,
    dataDir,
    async restart() {
      await fixture.core.close();
      fixture.core = open();
      return fixture.core;
    },
    async cleanup() {
      if (!closed) await fixture.core.close();
      closed = true;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export const OWNER = {
  tenantName: 'Net Kampung Sejahtera',
  timezone: 'Asia/Jakarta',
  username: 'pemilik',
  displayName: 'Bu Pemilik',
  password: 'rahasia-sekali',
} as const;

export interface OwnerSession {
  token: string;
  tenantId: string;
  userId: string;
}

export async function createOwner(core: Core): Promise<OwnerSession> {
  const session = await ok(core, 'setup.createOwner', { ...OWNER, demo: false });
  return { token: session.token, tenantId: session.tenant.id, userId: session.user.id };
}

/** A typed contract call through the real dispatcher. */
export function call<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
  session: string | null = null,
  locale: Locale = 'id',
): Promise<CallResult<MethodOutput<M>>> {
  return core.call(method, input, { session, locale }) as Promise<CallResult<MethodOutput<M>>>;
}

/** Calls and returns the data, failing the test with the error when the call is refused. */
export async function ok<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
  session: string | null = null,
): Promise<MethodOutput<M>> {
  const result = await call(core, method, input, session);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Signs a user in and returns the session token. */
export async function login(core: Core, username: string, password: string): Promise<string> {
  return (await ok(core, 'auth.login', { username, password })).token;
}
