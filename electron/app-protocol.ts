import { resolve, sep } from 'node:path';

export { contentTypeOf } from '../shared/util/content-types.js';

/**
 * The renderer is served from `app://rrnet/` rather than file://: a file:// page has privileges a
 * web page does not (it may read other local files with fetch, and shares an origin with every
 * other file), and the grantFileProtocolExtraPrivileges fuse can only be switched off once nothing
 * loads from file://. A standard, secure scheme gives the page an origin of its own, so 'self' in
 * its CSP means exactly the app's files. This file holds the pure part; serve-app-protocol.ts wires it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rrnet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

/**
 * The file under `root` an app:// request names, or null: another host, a malformed escape, a NUL,
 * or a path that climbs out of the renderer folder (`..`, an encoded backslash on Windows).
 */
export function resolveAppFile(root: string, requestUrl: string, platform: NodeJS.Platform = process.platform): string | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || (platform === 'win32' && path.includes('\\'))) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(base + sep) ? file : null;
}
