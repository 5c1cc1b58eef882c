import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/index.js';
import { createSecretBox } from '../../main/secrets/index.js';
import { OWNER, call, createOwner, createTestCore, sequentialIds, type TestCore } from '../support/core-fixture.js';
import type { Core } from '../../main/core/index.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A sign-in as a transport makes it: web mode sets the client's address as the source. */
const tryLogin = (core: Core, username: string, password: string, source?: string) =>
  core.call('auth.login', { username, password }, { session: null, locale: 'en', ...(source ? { source } : {}) });

const codeOf = (result: Awaited<ReturnType<typeof tryLogin>>) => (result.ok ? 'OK' : result.error.code);

describe('sign-in throttle', () => {
  let t: TestCore;

  beforeEach(async () => {
    t = createTestCore();
    await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  it('50 parallel guesses get the 5 tries of guesses made one by one, and a right password inside the burst is refused', async () => {
    const burst = Array.from({ length: 50 }, (_, i) => tryLogin(t.core, 'pemilik', i === 30 ? OWNER.password : `salah-${i}`));
    const codes = (await Promise.all(burst)).map(codeOf);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(45);
    expect(codes[30]).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a restart does not forgive: the counters are on disk', async () => {
    for (let i = 0; i < 5; i++) await tryLogin(t.core, 'pemilik', `salah-${i}`);
    const core = await t.restart();
    expect(codeOf(await tryLogin(core, 'pemilik', OWNER.password))).toBe('TOO_MANY_ATTEMPTS');
    t.clock.advance(30_000);
    expect(codeOf(await tryLogin(core, 'pemilik', OWNER.password))).toBe('OK');
  });

  it('the delay grows to 15 minutes at most, a try during it is refused without renewing it, and the owner gets in after it', async () => {
    // A guesser who tries again the moment each delay ends: 30 s, 1, 2, 4, 8 minutes, then 15 at most.
    const delays = [0, 0, 0, 0, 0, 0.5, 1, 2, 4, 8, 15, 15];
    for (const [i, wait] of delays.entries()) {
      t.clock.advance(wait * MINUTE);
      expect(codeOf(await tryLogin(t.core, 'pemilik', 'salah-salah')), `try ${i + 1}`).toBe('INVALID_CREDENTIALS');
    }
    const waiting = await tryLogin(t.core, 'pemilik', OWNER.password);
    expect(waiting).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(!waiting.ok && waiting.error.message).toMatch(/15 minutes/);
    t.clock.advance(14 * MINUTE);
    expect(codeOf(await tryLogin(t.core, 'pemilik', 'salah-salah'))).toBe('TOO_MANY_ATTEMPTS');
    t.clock.advance(MINUTE);
    expect(codeOf(await tryLogin(t.core, 'pemilik', OWNER.password))).toBe('OK');
  });

  it('each quarter hour without a failure forgives one, so typos spread over days never add up', async () => {
    for (let i = 0; i < 5; i++) await tryLogin(t.core, 'pemilik', 'salah-salah');
    t.clock.advance(75 * MINUTE);
    for (let i = 0; i < 4; i++) expect(codeOf(await tryLogin(t.core, 'pemilik', 'salah-salah'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await tryLogin(t.core, 'pemilik', OWNER.password))).toBe('OK');
    // The desktop window is one source for the whole office: 40 typos over ten days cost nobody a wait.
    for (let day = 0; day < 10; day++) {
      for (let typo = 0; typo < 4; typo++) {
        expect(codeOf(await tryLogin(t.core, 'pemilik', 'salah-ketik')), `day ${day}`).toBe('INVALID_CREDENTIALS');
        t.clock.advance(2 * 60 * MINUTE);
      }
      expect(codeOf(await tryLogin(t.core, 'pemilik', OWNER.password))).toBe('OK');
      t.clock.advance(DAY - 8 * 60 * MINUTE);
    }
  });

  it('one source guessing many names is slowed after 20 tries; another source still signs in', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => tryLogin(t.core, `nama-${i}`, 'tebak-tebak', 'web:10.0.0.9'));
    const codes = (await Promise.all(guesses)).map(codeOf);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(20);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(10);
    expect(codeOf(await tryLogin(t.core, 'pemilik', OWNER.password, 'web:10.0.0.9'))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await tryLogin(t.core, 'pemilik', OWNER.password, 'web:127.0.0.1'))).toBe('OK');
  });

  it('made-up usernames are slowed like real ones and cannot grow the counters without bound', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await tryLogin(t.core, 'tidak-ada', 'salah-salah'))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await tryLogin(t.core, 'tidak-ada', 'salah-salah'))).toBe('TOO_MANY_ATTEMPTS');
    const throttle = t.core.services.accounts.throttle;
    for (let i = 0; i < 2000; i++) {
      throttle.admit({ unknownName: `tebakan-${i}` }, 'desktop');
      t.clock.advance(15 * MINUTE);
    }
    expect(t.core.db.prepare('SELECT COUNT(*) FROM login_throttle').pluck().get()).toBeLessThanOrEqual(256 + 2);
  });

  it('the retention sweep drops counters a day old', async () => {
    for (let i = 0; i < 3; i++) await tryLogin(t.core, 'pemilik', 'salah-salah');
    expect(t.core.services.accounts.throttle.pruneForgotten()).toBe(0);
    t.clock.advance(DAY + 1);
    expect(t.core.services.accounts.throttle.pruneForgotten()).toBe(2);
  });

  it('the recovery path: starting the app with --unlock-login ends every delay', async () => {
    for (let i = 0; i < 8; i++) await tryLogin(t.core, 'pemilik', 'salah-salah');
    const restarted = await t.restart();
    expect(codeOf(await tryLogin(restarted, 'pemilik', OWNER.password))).toBe('TOO_MANY_ATTEMPTS');
    await restarted.close();
    const secrets = createSecretBox(randomBytes(32));
    const unlocked = createCore({ dataDir: t.dataDir, secrets, clock: t.clock, ids: sequentialIds(t.clock), unlockLogin: true });
    t.core = unlocked;
    expect(codeOf(await call(unlocked, 'auth.login', { username: 'pemilik', password: OWNER.password }))).toBe('OK');
  });
});
