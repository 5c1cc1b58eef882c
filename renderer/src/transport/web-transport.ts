import type { Transport } from '../../../shared/contract/client.js';
import { appErrorSchema } from '../../../shared/contract/errors.js';
import { SESSION_ENDED_CLOSE, type DomainEvent } from '../../../shared/contract/events.js';
import { transportFailure } from './transport-failure.js';

export interface WebTransportOptions {
  /** The per-install token the server injects into index.html. */
  apiToken: string;
  /** The events socket is opened for whoever is signed in when it connects. */
  session: () => string | null;
}

export interface WebTransport extends Transport {
  /** Called after the events socket comes back (events may have been missed) or its session ended: screens reload. */
  onReconnect(listener: () => void): () => void;
}

const MAX_RETRY_MS = 30_000;

export function createWebTransport(options: WebTransportOptions): WebTransport {
  const listeners = new Set<(event: DomainEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  let retryTimer: number | null = null;
  let retryMs = 1_000;
  let hadConnection = false;

  function connect(): void {
    const session = options.session();
    if (!session || listeners.size === 0) return;
    const url = new URL('events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = new URLSearchParams({ token: options.apiToken, session }).toString();
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 1_000;
      if (hadConnection) for (const listener of reconnectListeners) listener();
      hadConnection = true;
    };
    ws.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event) for (const listener of listeners) listener(event);
    };
    ws.onclose = (closed) => {
      if (socket !== ws) return;
      socket = null;
      if (closed.code !== SESSION_ENDED_CLOSE) return scheduleRetry();
      // That session is over (signed out elsewhere, deactivated, password changed): no retry with it.
      // The screens reload, which takes the page to the login screen with the core's message.
      for (const listener of reconnectListeners) listener();
    };
  }

  function scheduleRetry(): void {
    if (listeners.size === 0 || retryTimer !== null) return;
    retryTimer = window.setTimeout(() => {
      retryTimer = null;
      connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  function disconnect(): void {
    if (retryTimer !== null) window.clearTimeout(retryTimer);
    retryTimer = null;
    const ws = socket;
    socket = null;
    hadConnection = false;
    ws?.close();
  }

  return {
    async invoke(method, input, meta) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-rrnet-token': options.apiToken,
        'x-rrnet-locale': meta.locale,
      };
      if (meta.session) headers.authorization = `Bearer ${meta.session}`;
      try {
        const response = await fetch(`api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        const body: unknown = await response.json();
        if (response.ok) return { ok: true, data: body };
        const error = appErrorSchema.safeParse((body as { error?: unknown } | null)?.error);
        return error.success ? { ok: false, error: error.data } : transportFailure(meta.locale);
      } catch {
        return transportFailure(meta.locale);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

function parseEvent(data: unknown): DomainEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data) as { type?: unknown; event?: DomainEvent };
    return message.type === 'event' && message.event ? message.event : null;
  } catch {
    return null;
  }
}
