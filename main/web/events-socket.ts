import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/index.js';
import type { RequestGuard } from './request-guard.js';
import { pushEvent } from './event-push.js';

/**
 * Pushes committed domain events to signed-in screens of the same tenant. A screen that missed
 * events while disconnected reloads what it shows on reconnect, so no replay is needed here.
 */
export class EventsSocket {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Map<WebSocket, string>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: Core,
    private readonly guard: RequestGuard,
  ) {
    this.unsubscribe = core.onEvent((event) => {
      const message = JSON.stringify({ type: 'event', event });
      for (const [socket, tenantId] of this.clients) if (tenantId === event.tenantId) pushEvent(socket, message);
    });
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    const session = url.searchParams.get('session') ?? '';
    const tenantId = session ? this.core.sessionTenant(session) : null;
    if (!this.guard.sameSite(req) || !this.guard.queryToken(url) || !tenantId) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.clients.set(ws, tenantId);
      ws.on('close', () => this.clients.delete(ws));
      // The page only listens; anything it sends is ignored.
      ws.on('message', () => undefined);
    });
  }

  close(): void {
    this.unsubscribe();
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }
}
