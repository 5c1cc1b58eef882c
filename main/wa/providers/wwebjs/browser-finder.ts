import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { browserPathRefusal, type BrowserPathRefusal } from './browser-path-rules.js';

/**
 * whatsapp-web.js drives a Chromium-family browser through puppeteer. We never download one
 * (see .puppeteerrc.cjs): the user's own Chrome, Edge or Chromium is used, found here.
 */
export type BrowserLookup = BrowserFound | BrowserProblem;

export interface BrowserFound {
  ok: true;
  path: string;
  source: 'configured' | 'detected';
}

/** Texts live in the i18n trees under these keys (README.md lists the wording). */
export type BrowserProblem =
  | {
      ok: false;
      code: 'BROWSER_NOT_FOUND';
      messageKey: 'waWwebjs.browserNotFound';
      params: Record<string, never>;
      tried: string[];
    }
  | {
      ok: false;
      code: 'BROWSER_PATH_INVALID';
      messageKey: InvalidPathKey;
      params: { path: string };
      tried: string[];
    };

type InvalidPathKey = 'waWwebjs.browserPathMissing' | 'waWwebjs.browserPathNotExecutable' | BrowserPathRefusal;

export interface FindBrowserOptions {
  /** The path from the WhatsApp settings; empty or null means "detect". */
  configuredPath?: string | null;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  /** Is there a regular file at this path? */
  exists?: (file: string) => boolean;
  isExecutable?: (file: string) => boolean;
}

export function findBrowser({
  configuredPath = null,
  platform = process.platform,
  env = process.env,
  exists = fileExists,
  isExecutable = fileIsExecutable,
}: FindBrowserOptions = {}): BrowserLookup {
  const configured = configuredPath?.trim() ?? '';
  if (configured !== '') return checkConfigured(configured, platform, exists, isExecutable);

  const tried = candidates(platform, env);
  const found = tried.find((file) => exists(file) && isExecutable(file));
  if (found) return { ok: true, path: found, source: 'detected' };
  return { ok: false, code: 'BROWSER_NOT_FOUND', messageKey: 'waWwebjs.browserNotFound', params: {}, tried };
}

/**
 * A path the user typed wins over detection, but a wrong one is reported, never silently replaced.
 * Checked on every launch, not only when saved: a value stored before the rules, or a file changed
 * since, is not run.
 */
function checkConfigured(
  file: string,
  platform: NodeJS.Platform,
  exists: (file: string) => boolean,
  isExecutable: (file: string) => boolean,
): BrowserLookup {
  const invalid = (messageKey: InvalidPathKey): BrowserProblem => ({
    ok: false,
    code: 'BROWSER_PATH_INVALID',
    messageKey,
    params: { path: file },
    tried: [file],
  });
  const refusal = browserPathRefusal(file, platform);
  if (refusal) return invalid(refusal);
  if (!exists(file)) return invalid('waWwebjs.browserPathMissing');
  if (!isExecutable(file)) return invalid('waWwebjs.browserPathNotExecutable');
  return { ok: true, path: file, source: 'configured' };
}

/**
 * Where each platform's installers put the browsers, Chrome first (what whatsapp-web.js is tested
 * on), then Edge (preinstalled on Windows 10/11), then Chromium.
 */
function candidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') return windowsCandidates(env);
  if (platform === 'darwin') return macCandidates(env);
  return unixCandidates(env);
}

function windowsCandidates(env: Record<string, string | undefined>): string[] {
  const roots = [
    envValue(env, 'ProgramFiles') ?? 'C:\\Program Files',
    envValue(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
    envValue(env, 'LOCALAPPDATA'),
  ].filter((root): root is string => root !== undefined);
  const installs = [
    ['Google', 'Chrome', 'Application', 'chrome.exe'],
    ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ['Chromium', 'Application', 'chrome.exe'],
  ];
  return unique(installs.flatMap((parts) => roots.map((root) => path.win32.join(root, ...parts))));
}

const UNIX_NAMES = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'microsoft-edge',
  'microsoft-edge-stable',
];

/**
 * /usr/bin first: a desktop launcher (AppImage, .desktop file) may start us with a bare PATH.
 * Snap's Chromium is reached through PATH (/snap/bin) and so comes after the packaged ones.
 */
function unixCandidates(env: Record<string, string | undefined>): string[] {
  const dirs = unique(['/usr/bin', ...(env.PATH ?? '').split(path.posix.delimiter).filter((dir) => dir.startsWith('/'))]);
  return unique(UNIX_NAMES.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name))));
}

function macCandidates(env: Record<string, string | undefined>): string[] {
  const apps = [
    ['Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'],
    ['Microsoft Edge.app', 'Contents', 'MacOS', 'Microsoft Edge'],
    ['Chromium.app', 'Contents', 'MacOS', 'Chromium'],
  ];
  const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  return apps.flatMap((parts) => roots.map((root) => path.posix.join(root, ...parts)));
}

/** Windows treats environment names case-insensitively; an injected plain object does not. */
function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key]?.trim();
  return value ? value : undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function fileExists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** On Windows X_OK only checks existence, which is all Windows has to offer. */
function fileIsExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
