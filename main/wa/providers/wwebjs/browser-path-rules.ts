import path from 'node:path';

/**
 * Which configured browser paths may be launched at all, decided from the text alone (the finder
 * then checks the disk). whatsapp-web.js runs whatever file it is given as the app's user, so the
 * setting is a way to run a program: only a local, absolute path to a file named like a
 * Chromium-family browser passes. The name check cannot prove the file is a browser, but it turns
 * "run any script" into "run a file someone named chrome", and only the owner may set it.
 */
export type BrowserPathRefusal = 'waWwebjs.browserPathNetwork' | 'waWwebjs.browserPathNotAbsolute' | 'waWwebjs.browserPathNotBrowser';

/**
 * File names of the Chromium builds whatsapp-web.js can drive, as installers and packages name
 * them. Compared case-insensitively: Windows and macOS file systems are.
 */
const BROWSER_NAMES: Record<'win32' | 'darwin' | 'unix', ReadonlySet<string>> = {
  win32: new Set(['chrome.exe', 'msedge.exe', 'brave.exe', 'chromium.exe']),
  darwin: new Set(['google chrome', 'google chrome canary', 'microsoft edge', 'chromium', 'brave browser']),
  unix: new Set([
    'chrome',
    'google-chrome',
    'google-chrome-stable',
    'google-chrome-beta',
    'chromium',
    'chromium-browser',
    'microsoft-edge',
    'microsoft-edge-stable',
    'msedge',
    'brave',
    'brave-browser',
  ]),
};

/**
 * `\\server\share`, `//server/share` and the `\\?\` / `\\.\` device forms all start with two
 * separators; a URL scheme (`smb:`, `file:`) is two or more letters before a colon, unlike a drive
 * letter (`C:`).
 */
const NETWORK_OR_DEVICE = /^[\\/]{2}/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;
/** NUL and other control characters never belong in a path someone typed. */
const hasControl = (text: string): boolean => [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
/** On Windows only a drive path is fully absolute: `\\Program Files\\...` depends on the current drive. */
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

export function browserPathRefusal(file: string, platform: NodeJS.Platform): BrowserPathRefusal | null {
  if (NETWORK_OR_DEVICE.test(file) || URL_SCHEME.test(file)) return 'waWwebjs.browserPathNetwork';
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const absolute = platform === 'win32' ? WINDOWS_DRIVE.test(file) : paths.isAbsolute(file);
  if (hasControl(file) || !absolute) return 'waWwebjs.browserPathNotAbsolute';
  const names = BROWSER_NAMES[platform === 'win32' ? 'win32' : platform === 'darwin' ? 'darwin' : 'unix'];
  return names.has(paths.basename(file).toLowerCase()) ? null : 'waWwebjs.browserPathNotBrowser';
}
