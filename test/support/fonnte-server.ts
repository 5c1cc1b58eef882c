import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.fonnte.com that follows the documented contract
 * (main/wa/providers/fonnte/README.md): the same paths, the bare-token Authorization header,
 * form-urlencoded / multipart / JSON bodies, and refusals as HTTP 200 with `status: false`.
 * The real adapter talks to it unchanged; only `baseUrl` differs.
 */

/** Infrastructure trouble the real service has been seen to produce, queued by `failNext`. */
export type FonnteFailure =
  | 'disconnected'
  | 'http500'
  | 'http429'
  /** A gateway in front of Fonnte gave up waiting for it (the request had been passed on). */
  | 'http504'
  /** Read the request, then never answer. */
  | 'timeout'
  /** Read the request, then drop the connection. */
  | 'reset'
  /** Accept the message (it will be delivered), then drop the connection halfway through the answer. */
  | 'accepted-then-cut'
  /** Accept the message, but what comes back is not Fonnte's JSON (a proxy's page with HTTP 200). */
  | 'accepted-unreadable'
  /** A refusal with a reason the adapter may not know. */
  | { reason: string };

export interface ReceivedMessage {
  /** Arrival time (from `now`), taken before the body is read. */
  at: number;
  authorization: string | null;
  contentType: string | null;
  /** Every body field as Fonnte would see it. */
  fields: Readonly<Record<string, string>>;
  /** `target` after Fonnte's leading-zero replacement by `countryCode`. */
  target: string;
  message: string;
  /** accepted: queued with `id`; refused: `status:false` with `reason`; failed: an injected failure. */
  outcome: 'accepted' | 'refused' | 'failed';
  id: string | null;
  reason: string | null;
}

export interface FonnteServerOptions {
  tokens?: string[];
  connected?: boolean;
  /** Messages left in the device's package; each accepted target uses one. */
  quota?: number;
  /** The paired phone's number and the device's name, as /device reports them. */
  device?: string;
  name?: string;
  now?: () => number;
}

export interface FonnteServer {
  /** Pass as the adapter's `baseUrl`. */
  readonly url: string;
  /** Every POST /send that reached the server, in arrival order. */
  readonly received: readonly ReceivedMessage[];
  /** Requests that began to arrive and were cut off before their body was complete (the sender died). */
  readonly cutOff: number;
  /** POST /send arrivals per whole second of `now` (key: Math.floor(at / 1000)). */
  perSecond(): Map<number, number>;
  readonly quota: number;
  setQuota(remaining: number): void;
  setConnected(connected: boolean): void;
  setTokens(tokens: string[]): void;
  /** The next `count` requests (to any path) meet `failure` instead of the normal answer. */
  failNext(count: number, failure: FonnteFailure): void;
  close(): Promise<void>;
}

const HTML_500 = '<html><head><title>500 Internal Server Error</title></head><body>500</body></html>';
const HTML_504 = '<html><head><title>504 Gateway Time-out</title></head><body>504</body></html>';
const HTML_429 = '<html><head><title>429 Too Many Requests</title></head><body>429</body></html>';

export async function startFonnteServer(options: FonnteServerOptions = {}): Promise<FonnteServer> {
  const now = options.now ?? Date.now;
  const device = options.device ?? '6281200000001';
  const name = options.name ?? 'RRNet Test';
  let tokens = new Set(options.tokens ?? ['test-device-token']);
  let connected = options.connected ?? true;
  let quota = options.quota ?? 1_000_000;
  const failures: FonnteFailure[] = [];
  const received: ReceivedMessage[] = [];
  let requestId = 2_937_000;
  let messageId = 80_367_000;

  let cutOff = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const path = new URL(req.url ?? '/', 'http://fonnte.local').pathname.replace(/\/+$/, '');
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      // The sender went away mid-request (killed): it had started sending, the body never completed.
      cutOff += 1;
      throw error;
    }
    if (req.method !== 'POST' || (path !== '/send' && path !== '/device')) {
      json(res, 404, { reason: 'not found', status: false });
      return;
    }
    const authorization = req.headers.authorization ?? null;
    const contentType = req.headers['content-type'] ?? null;
    const fields = await parseFields(raw, contentType);
    const failure = failures.shift();

    if (path === '/device') {
      answerDevice(req, res, authorization, failure);
      return;
    }

    const countryCode = fields?.countryCode ?? '62';
    const entry: ReceivedMessage = {
      at,
      authorization,
      contentType,
      fields: fields ?? {},
      target: replaceLeadingZero(fields?.target ?? '', countryCode),
      message: fields?.message ?? '',
      outcome: 'refused',
      id: null,
      reason: null,
    };
    received.push(entry);

    if (isInfrastructure(failure)) {
      entry.outcome = 'failed';
      failInfrastructure(req, res, failure);
      return;
    }
    const refuse = (reason: string, body: Record<string, unknown> = { reason, status: false }) => {
      entry.reason = reason;
      if (failure !== undefined) entry.outcome = 'failed';
      json(res, 200, { ...body, requestid: ++requestId });
    };
    if (typeof failure === 'object') return refuse(failure.reason);
    // The documented token refusal spells the flag with a capital S.
    if (!isValidToken(authorization)) return refuse('token invalid', { Status: false, reason: 'token invalid' });
    if (fields === null || !fields.target) return refuse('input invalid');
    if (failure === 'disconnected' || !connected) return refuse('disconnected device');
    const targets = entry.target.split(',').map((t) => t.split('|')[0]?.trim() ?? '');
    if (targets.some((t) => !/^\d{8,15}$/.test(t))) return refuse('target invalid');
    if (quota < targets.length) return refuse('insufficient quota');

    quota -= targets.length;
    const ids = targets.map(() => String(++messageId));
    entry.outcome = 'accepted';
    entry.id = ids[0] ?? null;
    if (failure === 'accepted-then-cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
      res.write('{"detail":"success! message in queue","id":["');
      setImmediate(() => req.socket.destroy());
      return;
    }
    if (failure === 'accepted-unreadable') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Koneksi sedang dialihkan</body></html>');
      return;
    }
    json(res, 200, {
      detail: 'success! message in queue',
      id: ids,
      process: 'pending',
      requestid: ++requestId,
      status: true,
      target: targets,
    });
  }

  function answerDevice(
    req: IncomingMessage,
    res: ServerResponse,
    authorization: string | null,
    failure: FonnteFailure | undefined,
  ): void {
    if (isInfrastructure(failure)) {
      failInfrastructure(req, res, failure);
      return;
    }
    if (typeof failure === 'object') return json(res, 200, { reason: failure.reason, status: false });
    if (!isValidToken(authorization)) return json(res, 200, { reason: 'token invalid', status: false });
    json(res, 200, {
      device,
      device_status: connected && failure !== 'disconnected' ? 'connect' : 'disconnect',
      expired: '18 November 2029',
      messages: received.filter((m) => m.outcome === 'accepted').length,
      name,
      package: 'Reguler',
      quota: String(quota),
      status: true,
    });
  }

  function isValidToken(authorization: string | null): boolean {
    return authorization !== null && tokens.has(authorization.trim());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    perSecond() {
      const counts = new Map<number, number>();
      for (const m of received) {
        const second = Math.floor(m.at / 1000);
        counts.set(second, (counts.get(second) ?? 0) + 1);
      }
      return counts;
    },
    get quota() {
      return quota;
    },
    get cutOff() {
      return cutOff;
    },
    setQuota(remaining) {
      quota = remaining;
    },
    setConnected(value) {
      connected = value;
    },
    setTokens(list) {
      tokens = new Set(list);
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    close() {
      // Hung 'timeout' requests and keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

type InfrastructureFailure = 'http500' | 'http504' | 'http429' | 'timeout' | 'reset';

function isInfrastructure(failure: FonnteFailure | undefined): failure is InfrastructureFailure {
  return failure === 'http500' || failure === 'http504' || failure === 'http429' || failure === 'timeout' || failure === 'reset';
}

function failInfrastructure(req: IncomingMessage, res: ServerResponse, failure: InfrastructureFailure): void {
  switch (failure) {
    case 'http500':
      res.writeHead(500, { 'content-type': 'text/html' }).end(HTML_500);
      return;
    case 'http504':
      res.writeHead(504, { 'content-type': 'text/html' }).end(HTML_504);
      return;
    case 'http429':
      res.writeHead(429, { 'content-type': 'text/html', 'retry-after': '1' }).end(HTML_429);
      return;
    case 'timeout':
      return;
    case 'reset':
      req.socket.destroy();
      return;
  }
}

function json(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

/** Null when the body cannot be read as fields (Fonnte answers that with "input invalid"). */
async function parseFields(raw: Buffer, contentType: string | null): Promise<Record<string, string> | null> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (raw.length === 0) return {};
  try {
    if (type === 'application/json') {
      const value: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));
    }
    if (type === 'application/x-www-form-urlencoded') {
      return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    }
    if (type === 'multipart/form-data') {
      const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
      const fields: Record<string, string> = {};
      form.forEach((value, key) => {
        if (typeof value === 'string') fields[key] = value;
      });
      return fields;
    }
  } catch {
    return null;
  }
  return null;
}

/** Fonnte's countryCode rule: a leading 0 becomes the code; "0" turns the rule off. */
function replaceLeadingZero(target: string, countryCode: string): string {
  if (countryCode === '0') return target;
  return target
    .split(',')
    .map((t) => t.trim().replace(/^0/, countryCode))
    .join(',');
}
