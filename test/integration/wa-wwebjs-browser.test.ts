import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientOptions, createRealClient, findBrowser } from '../../main/wa/providers/wwebjs/index.js';

const TENANT = '01JAZ3K8Q4W5E6R7T8Y9V0H1MP';

/** A pretend disk: the files that exist, and which of them may be run. */
function disk(files: string[], notExecutable: string[] = []) {
  return {
    exists: (file: string) => files.includes(file),
    isExecutable: (file: string) => files.includes(file) && !notExecutable.includes(file),
  };
}

describe('browser finder', () => {
  const windowsEnv = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\kasir\\AppData\\Local',
  };

  it('uses the configured path when it exists and can be run, ahead of any installed browser', () => {
    const result = findBrowser({
      configuredPath: '/opt/browsers/chrome',
      platform: 'linux',
      env: { PATH: '/usr/bin' },
      ...disk(['/opt/browsers/chrome', '/usr/bin/google-chrome']),
    });
    expect(result).toEqual({ ok: true, path: '/opt/browsers/chrome', source: 'configured' });
  });

  it('reports a configured path that does not exist instead of quietly detecting another', () => {
    const result = findBrowser({
      configuredPath: '/opt/gone/chrome',
      platform: 'linux',
      env: {},
      ...disk(['/usr/bin/google-chrome']),
    });
    expect(result).toEqual({
      ok: false,
      code: 'BROWSER_PATH_INVALID',
      messageKey: 'waWwebjs.browserPathMissing',
      params: { path: '/opt/gone/chrome' },
      tried: ['/opt/gone/chrome'],
    });
  });

  it('reports a configured path that cannot be run, or is not absolute', () => {
    const notExecutable = findBrowser({
      configuredPath: '/home/kasir/chrome',
      platform: 'linux',
      ...disk(['/home/kasir/chrome'], ['/home/kasir/chrome']),
    });
    expect(notExecutable).toMatchObject({ ok: false, messageKey: 'waWwebjs.browserPathNotExecutable' });

    const relative = findBrowser({ configuredPath: 'chrome.exe', platform: 'win32', ...disk(['chrome.exe']) });
    expect(relative).toMatchObject({ ok: false, messageKey: 'waWwebjs.browserPathNotAbsolute' });
  });

  it('treats an empty configured path as "detect"', () => {
    const result = findBrowser({ configuredPath: '  ', platform: 'linux', env: {}, ...disk(['/usr/bin/chromium']) });
    expect(result).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'detected' });
  });

  it('finds Chrome, then Edge, in the Windows install folders', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ platform: 'win32', env: windowsEnv, ...disk([edge, chrome]) })).toMatchObject({ ok: true, path: chrome });
    expect(findBrowser({ platform: 'win32', env: windowsEnv, ...disk([edge]) })).toMatchObject({ ok: true, path: edge });

    const perUser = 'C:\\Users\\kasir\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env: windowsEnv, ...disk([perUser]) })).toMatchObject({ ok: true, path: perUser });
  });

  it('reads Windows environment names case-insensitively and falls back to the usual folders', () => {
    const result = findBrowser({ platform: 'win32', env: { PROGRAMFILES: 'D:\\Apps' }, ...disk([]) });
    if (result.ok) throw new Error('nothing should be found');
    expect(result.tried).toContain('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe');
    expect(result.tried).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('finds the Linux browsers in /usr/bin and along PATH', () => {
    expect(findBrowser({ platform: 'linux', env: {}, ...disk(['/usr/bin/microsoft-edge']) })).toMatchObject({
      ok: true,
      path: '/usr/bin/microsoft-edge',
    });
    expect(
      findBrowser({ platform: 'linux', env: { PATH: '/usr/local/bin:/snap/bin' }, ...disk(['/snap/bin/chromium']) }),
    ).toMatchObject({ ok: true, path: '/snap/bin/chromium' });
    expect(
      findBrowser({ platform: 'linux', env: { PATH: '/opt/x' }, ...disk(['/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable']) }),
    ).toMatchObject({ ok: true, path: '/usr/bin/google-chrome-stable' });
  });

  it('skips a candidate that exists but cannot be run', () => {
    const result = findBrowser({
      platform: 'linux',
      env: {},
      ...disk(['/usr/bin/google-chrome', '/usr/bin/chromium'], ['/usr/bin/google-chrome']),
    });
    expect(result).toMatchObject({ ok: true, path: '/usr/bin/chromium' });
  });

  it('looks in /Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: { HOME: '/Users/a' }, ...disk([chrome]) })).toMatchObject({ ok: true, path: chrome });
  });

  it('names what to install, as an i18n key, and lists where it looked when nothing is there', () => {
    const result = findBrowser({ platform: 'linux', env: { PATH: '/usr/bin:/bin' }, ...disk([]) });
    expect(result).toMatchObject({ ok: false, code: 'BROWSER_NOT_FOUND', messageKey: 'waWwebjs.browserNotFound', params: {} });
    if (result.ok) return;
    for (const name of ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'microsoft-edge']) {
      expect(result.tried).toContain(`/usr/bin/${name}`);
      expect(result.tried).toContain(`/bin/${name}`);
    }
    expect(new Set(result.tried).size).toBe(result.tried.length);
  });

  it('checks the real disk by default', () => {
    // Any executable file named like a browser passes the disk check; a folder of that name does not.
    const dir = mkdtempSync(path.join(tmpdir(), 'rrnet-browser-disk-'));
    try {
      const chromium = path.join(dir, 'chromium');
      writeFileSync(chromium, '#!/bin/sh\n');
      chmodSync(chromium, 0o755);
      expect(findBrowser({ configuredPath: chromium })).toEqual({ ok: true, path: chromium, source: 'configured' });
      const folder = path.join(dir, 'chrome');
      mkdirSync(folder);
      expect(findBrowser({ configuredPath: folder })).toMatchObject({ ok: false, messageKey: 'waWwebjs.browserPathMissing' });
      // Runnable is not enough: this process's own Node binary is not a browser.
      expect(findBrowser({ configuredPath: process.execPath })).toMatchObject({ ok: false, messageKey: 'waWwebjs.browserPathNotBrowser' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('whatsapp-web.js client options', () => {
  let dataPath: string;

  beforeEach(() => {
    dataPath = path.join(mkdtempSync(path.join(tmpdir(), 'rrnet-wwebjs-options-')), 'wwebjs');
  });

  afterEach(() => {
    rmSync(path.dirname(dataPath), { recursive: true, force: true });
  });

  it('keeps the session and the WhatsApp Web cache under the data folder, headless, sandboxed', () => {
    const options = clientOptions({ clientId: TENANT, dataPath, executablePath: '/usr/bin/chromium' }, false);
    expect(options.localAuth).toEqual({ clientId: TENANT, dataPath });
    expect(options.webVersionCache).toEqual({ type: 'local', path: path.join(dataPath, 'web-cache') });
    expect(options.puppeteer).toMatchObject({ executablePath: '/usr/bin/chromium', headless: true });
    expect(options.puppeteer.args).toContain('--disable-gpu');
    expect(options.puppeteer.args).not.toContain('--no-sandbox');
  });

  it('turns the sandbox off only when running as root, where Chrome would refuse to start', () => {
    const options = clientOptions({ clientId: TENANT, dataPath, executablePath: '/usr/bin/chromium' }, true);
    expect(options.puppeteer.args).toContain('--no-sandbox');
  });

  it('refuses a relative folder and an id LocalAuth would reject', () => {
    expect(() => clientOptions({ clientId: TENANT, dataPath: 'wwebjs', executablePath: '/usr/bin/chromium' }, false)).toThrow(/absolute/);
    expect(() => clientOptions({ clientId: '../other', dataPath, executablePath: '/usr/bin/chromium' }, false)).toThrow(/session id/);
  });

  it('builds a real whatsapp-web.js Client with LocalAuth without launching the browser', async () => {
    const client = await createRealClient({ clientId: TENANT, dataPath, executablePath: '/usr/bin/chromium' });
    const { Client, LocalAuth } = (await import('whatsapp-web.js')).default;
    expect(client).toBeInstanceOf(Client);

    // `options` is whatsapp-web.js's own merged configuration; index.d.ts does not declare it.
    const { options } = client as unknown as {
      options: { authStrategy: unknown; puppeteer: { executablePath: string; headless: boolean }; webVersionCache: unknown };
    };
    expect(options.authStrategy).toBeInstanceOf(LocalAuth);
    expect(options.authStrategy).toMatchObject({ clientId: TENANT, dataPath });
    expect(options.puppeteer).toMatchObject({ executablePath: '/usr/bin/chromium', headless: true });
    expect(options.webVersionCache).toEqual({ type: 'local', path: path.join(dataPath, 'web-cache') });
    await client.destroy();
  });
});
