import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCallRequest } from '../../electron/call-request.js';
import type { FromCore, ToCore } from '../../electron/core-messages.js';
import { CoreProcess, MAX_RESTARTS, type CoreChild } from '../../electron/core-process.js';
import { contentTypeOf, resolveAppFile } from '../../electron/app-protocol.js';
import { CrashLoop, MAX_CRASHES } from '../../electron/crash-loop.js';
import { crashScreenHtml } from '../../electron/crash-screen.js';
import { isOwnRendererUrl, rendererCsp, rendererUrl, type RendererSource } from '../../electron/renderer-source.js';
import { windowPreferences } from '../../electron/web-preferences.js';
import { contentSecurityPolicy } from '../../shared/util/content-security-policy.js';
import { PLAIN_KEY_FILE, SEALED_KEY_FILE, loadOrCreateSecretKey, type KeyVault } from '../../electron/secret-key.js';
import { silentLogger } from '../../main/platform/index.js';
import type { CallMeta } from '../../shared/contract/client.js';
import type { DomainEvent } from '../../shared/contract/events.js';

/**
 * The Electron shell cannot run here (no Electron binary), so its logic lives in files that do not
 * import 'electron' and is driven by fakes: a fake utilityProcess child and a fake safeStorage.
 */

const meta: CallMeta = { session: 's1', locale: 'en' };
const flush = () => new Promise((done) => setImmediate(done));

class FakeChild extends EventEmitter implements CoreChild {
  readonly sent: ToCore[] = [];
  killed = false;
  postMessage(message: ToCore): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(message: FromCore): void {
    this.emit('message', message);
  }
  calls(): Extract<ToCore, { type: 'call' }>[] {
    return this.sent.filter((m): m is Extract<ToCore, { type: 'call' }> => m.type === 'call');
  }
}

function harness() {
  const children: FakeChild[] = [];
  const events: DomainEvent[] = [];
  const broken: string[] = [];
  const core = new CoreProcess({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    start: { dataDir: '/data', key: 'a2V5' },
    log: silentLogger,
    onEvent: (event) => events.push(event),
    onBroken: (reason) => broken.push(reason),
    delay: () => Promise.resolve(),
  });
  const latest = () => children[children.length - 1] as FakeChild;
  return { core, children, events, broken, latest };
}

describe('CoreProcess (the relay to the core utilityProcess)', () => {
  it('starts the core with its data dir and key, and holds calls until it is ready', async () => {
    const { core, latest } = harness();
    core.start();
    expect(latest().sent).toEqual([{ type: 'start', dataDir: '/data', key: 'a2V5' }]);

    const answer = core.call('auth.me', {}, meta);
    await flush();
    expect(latest().calls()).toEqual([]);

    latest().reply({ type: 'ready' });
    const [call] = latest().calls();
    expect(call).toMatchObject({ method: 'auth.me', input: {}, meta });
    latest().reply({ type: 'result', id: call!.id, result: { ok: true, data: 'me' } });
    expect(await answer).toEqual({ ok: true, data: 'me' });
  });

  it('passes pushed events on', () => {
    const { core, latest, events } = harness();
    core.start();
    const event: DomainEvent = { name: 'customer_created', tenantId: 't', payload: { customerId: 'c' }, seq: 1, at: 'now' };
    latest().reply({ type: 'event', event });
    expect(events).toEqual([event]);
  });

  it('tells the window to reload once a crashed core is back, and not on the first start', async () => {
    const { core, latest, events } = harness();
    core.start();
    latest().reply({ type: 'ready' });
    expect(events).toEqual([]);
    latest().emit('exit', 1);
    await flush();
    latest().reply({ type: 'ready' });
    expect(events.map((e) => e.name)).toEqual(['core_restarted']);
  });

  it('fails calls in flight when the core dies, restarts it, and sends later calls to the new one', async () => {
    const { core, children, latest } = harness();
    core.start();
    latest().reply({ type: 'ready' });
    const lost = core.call('customers.create', { name: 'Budi' }, meta);

    latest().emit('exit', 1);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const later = core.call('customers.list', {}, meta);
    await flush();
    expect(children).toHaveLength(2);
    latest().reply({ type: 'ready' });
    const [call] = latest().calls();
    latest().reply({ type: 'result', id: call!.id, result: { ok: true, data: [] } });
    expect(await later).toEqual({ ok: true, data: [] });
  });

  it(`gives up after ${MAX_RESTARTS} restarts that never reach ready, and says so`, async () => {
    const { core, children, broken, latest } = harness();
    core.start();
    const waiting = core.call('auth.me', {}, meta);
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      latest().emit('exit', 1);
      await flush();
    }
    expect(children).toHaveLength(MAX_RESTARTS + 1);
    expect(broken).toHaveLength(1);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await core.call('auth.me', {}, meta)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('does not restart a core that refused to start', async () => {
    const { core, children, broken, latest } = harness();
    core.start();
    latest().reply({ type: 'failed', message: 'database is locked' });
    latest().emit('exit', 1);
    await flush();

    expect(latest().killed).toBe(true);
    expect(children).toHaveLength(1);
    expect(broken[0]).toContain('database is locked');
  });

  it('stops the core cleanly before killing it, and refuses calls afterwards', async () => {
    const { core, latest } = harness();
    core.start();
    latest().reply({ type: 'ready' });
    const child = latest();

    const stopping = core.stop();
    expect(child.sent.at(-1)).toEqual({ type: 'stop' });
    expect(child.killed).toBe(false);
    child.reply({ type: 'stopped' });
    await stopping;

    expect(child.killed).toBe(true);
    expect(await core.call('auth.me', {}, meta)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('readCallRequest', () => {
  it('keeps the input as sent and rebuilds the meta from known fields only', () => {
    const input = { name: 'Budi', extra: true };
    expect(readCallRequest({ input, meta: { session: 'tok', locale: 'en', role: 'owner' } })).toEqual({
      input,
      meta: { session: 'tok', locale: 'en' },
    });
  });

  it.each([
    [null, 'id'],
    ['x', 'id'],
    [42, 'id'],
    [{ meta: { session: 7, locale: 'fr' } }, 'id'],
    [{ meta: { session: '', locale: 'en' } }, 'en'],
    [{ meta: { session: 'x'.repeat(201), locale: 'id' } }, 'id'],
  ])('reads no session from %j', (raw, locale) => {
    expect(readCallRequest(raw).meta).toEqual({ session: null, locale });
  });
});

describe('renderer source', () => {
  const root = '/opt/rrnet/resources/app.asar/out/renderer';
  const file: RendererSource = { kind: 'app', root };
  const dev: RendererSource = { kind: 'dev-server', url: 'http://localhost:5173' };

  it('loads the built page from app://, not file://', () => {
    expect(rendererUrl(file)).toBe('app://rrnet/index.html');
    expect(rendererUrl(dev)).toBe('http://localhost:5173');
  });

  it('recognises the built page, whatever its hash or query', () => {
    const own = rendererUrl(file);
    expect(isOwnRendererUrl(own, file)).toBe(true);
    expect(isOwnRendererUrl(`${own}#/customers`, file)).toBe(true);
    expect(isOwnRendererUrl(`${own}?token=x`, file)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    pathToFileURL(`${root}/index.html`).href,
    'app://rrnet/other.html',
    'app://evil/index.html',
    'app://rrnet.evil/index.html',
    'https://evil.example/',
    'about:blank',
    'data:text/html,<p>x</p>',
    'not a url',
  ])('refuses %s as the built page', (url) => expect(isOwnRendererUrl(url, file)).toBe(false));

  it('recognises the dev server by origin only', () => {
    expect(isOwnRendererUrl('http://localhost:5173/#/login', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('sends a strict CSP for the built page and relaxes it only for the dev server', () => {
    const built = rendererCsp(file);
    expect(built).toContain("default-src 'self'");
    expect(built).toContain("script-src 'self';");
    expect(built).not.toContain('unsafe-eval');
    expect(built).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(rendererCsp(dev)).toContain("connect-src 'self' ws://localhost:5173");
  });

  it('sends the same strict CSP as web mode, with connect-src limited to its own origin', () => {
    expect(rendererCsp(file)).toBe(contentSecurityPolicy());
    expect(rendererCsp(file)).toMatch(/connect-src 'self'; /);
    expect(rendererCsp(file)).toContain("frame-ancestors 'none'");
  });
});

describe('the app:// protocol', () => {
  const root = '/opt/rrnet/out/renderer';

  it.each([
    ['app://rrnet/index.html', `${root}/index.html`],
    ['app://rrnet/', `${root}/index.html`],
    ['app://rrnet/assets/index-abc123.js', `${root}/assets/index-abc123.js`],
    ['app://rrnet/favicon.svg?v=1#x', `${root}/favicon.svg`],
    ['app://rrnet/assets/a%20b.css', `${root}/assets/a b.css`],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppFile(root, url, 'linux')).toBe(file);
  });

  it.each(['app://rrnet/../../etc/passwd', 'app://rrnet/%2e%2e/%2e%2e/etc/passwd', 'app://rrnet/..%2f..%2fetc/passwd', 'app://rrnet/assets/..%2f..%2f..%2fetc/passwd'])(
    'never resolves %s outside the renderer folder',
    (url) => {
      const file = resolveAppFile(root, url, 'linux');
      expect(file === null || file.startsWith(`${root}/`), String(file)).toBe(true);
    },
  );

  it.each([
    'app://rrnet/%E0%A4%A',
    'app://rrnet/index.html%00.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url, 'linux')).toBeNull();
  });

  it('refuses an encoded backslash on Windows, where it is a path separator', () => {
    expect(resolveAppFile('C:\\rrnet\\renderer', 'app://rrnet/..%5c..%5csecret.txt', 'win32')).toBeNull();
  });

  it('names the content type of what it serves', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});

describe('the window', () => {
  it('has DevTools only while developing, and the same hardening either way', () => {
    const packaged = windowPreferences('/app/preload/index.cjs', true);
    const developing = windowPreferences('/app/preload/index.cjs', false);
    expect(packaged.devTools).toBe(false);
    expect(developing.devTools).toBe(true);
    for (const prefs of [packaged, developing]) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, preload: '/app/preload/index.cjs' });
    }
  });

  it(`reloads a crashed page, but gives up after ${MAX_CRASHES} crashes within a minute`, () => {
    let now = 0;
    const loop = new CrashLoop(() => now);
    const decisions = Array.from({ length: MAX_CRASHES }, () => {
      now += 5_000;
      return loop.crashed();
    });
    expect(decisions).toEqual([...Array<string>(MAX_CRASHES - 1).fill('reload'), 'give-up']);
    expect(loop.crashed()).toBe('give-up');
  });

  it('treats crashes far apart as separate mishaps and keeps reloading', () => {
    let now = 0;
    const loop = new CrashLoop(() => now);
    for (let i = 0; i < 10; i++) {
      now += 45_000;
      expect(loop.crashed()).toBe('reload');
    }
  });

  it('shows a crash screen in both languages, with the log file and a way back, and no script', () => {
    const html = crashScreenHtml({ logFile: 'C:\\Users\\Budi & Sari\\AppData\\Roaming\\RRNet Console\\logs\\main.log', retryUrl: 'app://rrnet/index.html' });
    expect(html).toContain('Tampilan aplikasi berhenti berulang kali');
    expect(html).toContain("The app's screen kept stopping");
    expect(html).toContain('Budi &#38; Sari');
    expect(html).toContain('href="app://rrnet/index.html"');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('packaging', () => {
  /** The `electronFuses:` block of electron-builder.yml, as { fuse: value }. */
  const fuses = (): Record<string, string> => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    const block = /^electronFuses:\n((?:[ ]+.*\n|\s*\n)+)/m.exec(yml)?.[1] ?? '';
    return Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(\w+)/gm)].map((m) => [m[1]!, m[2]!]));
  };

  it('flips every Electron fuse to its hardened value, the asar integrity check included', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});

describe('loadOrCreateSecretKey', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rrnet-key-'));
    dirs.push(dir);
    return dir;
  };

  /** A reversible stand-in for the OS keychain. */
  function fakeVault(options: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}) {
    return {
      isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
      encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`sealed:${plain}`)),
      decryptStringAsync: vi.fn(async (sealed: Buffer) => {
        const text = sealed.toString();
        if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return { result: text.slice('sealed:'.length), shouldReEncrypt: options.reEncrypt ?? false };
      }),
      getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    } satisfies KeyVault;
  }

  it('creates a key sealed by the keychain and reads the same key back', async () => {
    const dir = dataDir();
    const vault = fakeVault();
    const key = await loadOrCreateSecretKey(dir, vault, silentLogger, 'linux');

    expect(key).toHaveLength(32);
    expect(readFileSync(join(dir, SEALED_KEY_FILE)).toString()).toBe(`sealed:${key.toString('base64')}`);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(await loadOrCreateSecretKey(dir, vault, silentLogger, 'linux')).toEqual(key);
  });

  it.each([
    ['linux', { backend: 'basic_text' }],
    ['win32', { available: false }],
  ] as const)('falls back to a 0600 key file on %s when the keychain is %j, and says so', async (platform, options) => {
    const dir = dataDir();
    const warn = vi.fn();
    const vault = fakeVault(options);
    const key = await loadOrCreateSecretKey(dir, vault, { ...silentLogger, warn }, platform);

    expect(readFileSync(join(dir, PLAIN_KEY_FILE))).toEqual(key);
    if (process.platform !== 'win32') expect(statSync(join(dir, PLAIN_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('safeStorage unavailable'), expect.anything());
    expect(vault.encryptStringAsync).not.toHaveBeenCalled();
    // A keychain that appears later does not replace the key the secrets were sealed with.
    expect(await loadOrCreateSecretKey(dir, fakeVault(), silentLogger, platform)).toEqual(key);
  });

  it('re-seals the key when the keychain asks for it', async () => {
    const dir = dataDir();
    const key = await loadOrCreateSecretKey(dir, fakeVault(), silentLogger, 'linux');
    const vault = fakeVault({ reEncrypt: true });

    expect(await loadOrCreateSecretKey(dir, vault, silentLogger, 'linux')).toEqual(key);
    expect(vault.encryptStringAsync).toHaveBeenCalledWith(key.toString('base64'));
  });

  it('refuses to start rather than replace a key it cannot unseal', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, SEALED_KEY_FILE), 'from another keychain');

    await expect(loadOrCreateSecretKey(dir, fakeVault(), silentLogger, 'linux')).rejects.toThrow(/decrypting/);
    expect(readFileSync(join(dir, SEALED_KEY_FILE)).toString()).toBe('from another keychain');
  });
});
