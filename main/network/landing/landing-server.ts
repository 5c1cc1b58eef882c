import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The page must be the only thing: no script, no outside request, styles inline. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The redirect puts this page under any address the customer opened: a cached copy would hide that site after they paid.
  'cache-control': 'no-store, max-age=0',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
};

export interface LandingListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP listener that answers every path and method with the page (HEAD without a body):
 * the router's dst-nat sends whatever address the customer opened, and a phone's "is there
 * internet?" probe getting a page instead of its 204 is what makes it show "sign in to network",
 * which opens the page. `page()` is read per request, so a changed note shows at once.
 */
export async function startLandingListener(host: string, port: number, page: () => string): Promise<LandingListener> {
  const server: Server = createServer((req, res) => {
    const body = Buffer.from(page(), 'utf8');
    res.writeHead(200, { ...HEADERS, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // Idle keep-alive connections of customers' browsers must not hold the port when the ISP changes it.
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  return {
    host,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
