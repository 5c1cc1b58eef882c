import type { IncomingMessage } from 'node:http';

/** The request target as a URL, or null when it is not one (`//[`): a bad address is the client's error, not ours. */
export function requestUrl(req: IncomingMessage, origin: string): URL | null {
  return URL.canParse(req.url ?? '/', origin) ? new URL(req.url ?? '/', origin) : null;
}

/**
 * The decoded path of a static file, or null for a malformed `%` escape or a NUL: neither names a
 * file, and both used to reach the file system as a thrown error (a 500).
 */
export function requestPath(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return path.includes('\0') ? null : path;
}
