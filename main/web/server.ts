import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../secrets/index.js';
import type { Logger } from '../platform/index.js';
import { silentLogger } from '../platform/index.js';
import { handleApiCall } from './api-route.js';
import { invalidRequest, localeOf, refuse, sendError } from './refusals.js';
import { requestPath, requestUrl } from './request-url.js';
import { ConnectionCap } from './connection-cap.js';
import { contentSecurityPolicy } from '../../shared/util/content-security-policy.js';
import { EventsSocket } from './events-socket.js';
import { RequestGuard, TOKEN_COOKIE } from './request-guard.js';
import { StaticFiles } from './static-files.js';
import { loadOrCreateWebToken } from './web-token.js';
import { prepareOwner } from './prepare-owner.js';

export interface WebServerOptions {
  dataDir: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Creates the owner (username "owner") when the install has none; otherwise the first-run screen does. */
  ownerPassword?: string;
  /** With no ownerPassword and no owner yet: make one up and return it (the CLI prints it once). */
  generateOwnerPassword?: boolean;
  demo?: boolean;
  /** Clears the sign-in delays at start: the recovery path for a held-back owner. */
  unlockLogin?: boolean;
  staticDir?: string;
  log?: Logger;
  /** Open TCP connections at once (pages, keep-alive connections, events sockets); more get a 503 BUSY. */
  maxConnections?: number;
  /** How long a connection may take to send a request's headers before it is closed with a 408 (10 s). */
  headersTimeoutMs?: number;
  /** WhatsApp wiring for tests: the fake whatsapp-web.js client, a browser finder. */
  wa?: CoreOptions['wa'];
  /** Router answers for tests ("Tes koneksi", health). */
  routerProbe?: CoreOptions['routerProbe'];
}

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  core: Core;
  generatedPassword: string | null;
  close(): Promise<void>;
}

/** A few tabs of the console, each with its keep-alive connections (Chromium opens up to 6) and its events socket. */
const DEFAULT_MAX_CONNECTIONS = 64;

const DEFAULT_STATIC = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../out/renderer');

/** Web mode: the same core and contract as the desktop, served to a browser on loopback only. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? silentLogger;
  const secrets = createSecretBox(loadOrCreateKeyFile(options.dataDir));
  const core = createCore({ dataDir: options.dataDir, secrets, log, unlockLogin: options.unlockLogin ?? false, ...(options.wa ? { wa: options.wa } : {}), ...(options.routerProbe ? { routerProbe: options.routerProbe } : {}) });
  const generatedPassword = await prepareOwner(core, {
    ownerPassword: options.ownerPassword,
    generatePassword: options.generateOwnerPassword ?? false,
    demo: options.demo ?? false,
  });
  const token = loadOrCreateWebToken(options.dataDir);
  const files = new StaticFiles(resolve(options.staticDir ?? DEFAULT_STATIC), token);

  // A connection that never sends a request would hold one of the capped slots: it is closed once
  // its headers are late (Node checks every second here instead of every 30 s).
  const server = createServer({ headersTimeout: options.headersTimeoutMs ?? 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 });
  const cap = new ConnectionCap(server, options.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4780, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(port, token);
  const events = new EventsSocket(core, guard);
  const origin = `http://127.0.0.1:${port}`;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      log.error('web request failed', { error: err instanceof Error ? err.message : String(err) });
      refuse(req, res, 'INTERNAL');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (cap.refuses(req.socket)) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    const url = requestUrl(req, origin);
    if (url?.pathname === '/events') events.upgrade(req, socket, head, url);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (cap.refuses(req.socket)) {
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', '5');
      return refuse(req, res, 'BUSY');
    }
    if (!guard.sameSite(req)) return refuse(req, res, 'FORBIDDEN');
    // The page may connect to its own origin and its own events socket (Host is checked above), nowhere else.
    res.setHeader('content-security-policy', contentSecurityPolicy({ connect: [`ws://${req.headers.host ?? ''}`] }));
    const url = requestUrl(req, origin);
    if (!url) return sendError(res, invalidRequest(localeOf(req), 'web.badPath'));
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(req, res, 'UNKNOWN_METHOD');
      if (!guard.headerToken(req)) return refuse(req, res, 'UNAUTHENTICATED');
      return handleApiCall(core, url.pathname.slice(5), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 'UNKNOWN_METHOD');
    if (guard.queryToken(url)) {
      // Trade the token in the URL for a cookie, then drop it from the address bar and history.
      res.writeHead(302, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
      });
      return void res.end();
    }
    if (!guard.cookieToken(req)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Buka alamat lengkap (dengan ?token=...) yang dicetak saat `npm run web` dimulai.\nOpen the full address (with ?token=...) printed when `npm run web` started.\n');
    }
    const path = requestPath(url);
    if (path === null) return sendError(res, invalidRequest(localeOf(req), 'web.badPath'));
    return files.serve(path, res);
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    core,
    generatedPassword,
    async close() {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await core.close();
    },
  };
}
