import type { IncomingMessage } from 'node:http';
import { sameToken } from './web-token.js';

export const TOKEN_COOKIE = 'rrnet_token';

/**
 * Web mode listens on loopback, but a browser will happily send requests there from any page.
 * Checking Host stops DNS rebinding (evil.example resolving to 127.0.0.1); checking Origin stops
 * other sites' pages (CSRF); the token stops other local users and programs.
 */
export class RequestGuard {
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(
    port: number,
    private readonly token: string,
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`));
  }

  /** Host and Origin are ours (a request without Origin is a same-origin navigation or a script). */
  sameSite(req: IncomingMessage): boolean {
    const host = req.headers.host;
    if (!host || !this.hosts.has(host)) return false;
    const origin = req.headers.origin;
    return origin === undefined || this.origins.has(origin);
  }

  headerToken(req: IncomingMessage): boolean {
    const header = req.headers['x-rrnet-token'];
    return sameToken(typeof header === 'string' ? header : null, this.token);
  }

  cookieToken(req: IncomingMessage): boolean {
    return sameToken(readCookie(req, TOKEN_COOKIE), this.token);
  }

  queryToken(url: URL): boolean {
    return sameToken(url.searchParams.get('token'), this.token);
  }
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
