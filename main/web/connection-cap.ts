import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * At most `max` TCP connections at once (open pages, their keep-alive connections and events
 * sockets together). A connection over the cap is still parsed, so its request can be answered
 * with a 503 and the BUSY error JSON in the language it asks for, then closed: Node's own
 * maxConnections drops the socket instead, which the browser shows as "the app is down".
 */
export class ConnectionCap {
  private open = 0;
  private readonly over = new WeakSet<Socket>();

  constructor(server: Server, max: number) {
    server.on('connection', (socket: Socket) => {
      if (this.open >= max) {
        this.over.add(socket);
        return;
      }
      this.open += 1;
      socket.once('close', () => {
        this.open -= 1;
      });
    });
  }

  refuses(socket: Socket): boolean {
    return this.over.has(socket);
  }
}
