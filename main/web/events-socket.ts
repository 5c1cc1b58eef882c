import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/index.js';
import type { RequestGuard } from './request-guard.js';
import { SESSION_ENDED_CLOSE } from '../../shared/contract/events.js';
import { pushEvent } from './event-push.js';

/** Sessions also end by going idle, which nobody announces: looked at this often. */
const EXPIRY_SWEEP_MS = 60_000;

interface Client {
  tenantId: string;
  session: string;
}

/**
 * Pushes committed domain events to signed-in screens of the same tenant. A screen that missed
 * events while disconnected reloads what it shows on reconnect, so no replay is needed here.
 * A socket lives only as long as the session it was opened with: logout, deactivation, a changed
 * password or expiry close it with SESSION_ENDED_CLOSE, so nothing reaches a screen nobody is signed in to.
 */
export class EventsSocket {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Map<WebSocket, Client>();
  private readonly unsubscribe: (() => void)[];
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    private readonly core: Core,
    private readonly guard: RequestGuard,
  ) {
    this.unsubscribe = [
      core.onEvent((event) => {
        const message = JSON.stringify({ type: 'event', event });
        for (const [socket, client] of this.clients) if (client.tenantId === event.tenantId) pushEvent(socket, message);
      }),
      // Sessions end inside the caller's transaction: look once it has committed.
      core.onSessionsEnded(() => setImmediate(() => this.closeEnded())),
    ];
    this.sweepTimer = setInterval(() => this.closeEnded(), EXPIRY_SWEEP_MS).unref();
  }

  private closeEnded(): void {
    for (const [socket, client] of this.clients) {
      if (this.core.sessionOpen(client.session)) continue;
      // Forgotten at once: the close handshake may take a while, and no event may go out meanwhile.
      this.clients.delete(socket);
      socket.close(SESSION_ENDED_CLOSE, 'session ended');
    }
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    const session = url.searchParams.get('session') ?? '';
    const tenantId = session ? this.core.sessionTenant(session) : null;
    if (!this.guard.sameSite(req) || !this.guard.queryToken(url) || !tenantId) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.clients.set(ws, { tenantId, session });
      ws.on('close', () => this.clients.delete(ws));
      // The page only listens; anything it sends is ignored.
      ws.on('message', () => undefined);
    });
  }

  close(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    clearInterval(this.sweepTimer);
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }
}
