/**
 * What one screen may have waiting on its socket, unread. Far above what a screen that reads keeps
 * waiting (an event is a few hundred bytes); a screen that stopped reading (a frozen tab, a paused
 * laptop) would otherwise hold every later event in this process's memory.
 */
export const MAX_UNREAD_BYTES = 1024 * 1024;

/** The part of a `ws` WebSocket a push needs. */
export interface PushSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  terminate(): void;
}

/**
 * Sends a pushed event, or closes a socket whose screen is that far behind. Dropping is safe: a
 * screen reloads what it shows when its events socket reconnects (web-transport.ts).
 */
export function pushEvent(socket: PushSocket, message: string): void {
  if (socket.bufferedAmount + message.length > MAX_UNREAD_BYTES) socket.terminate();
  else socket.send(message);
}
