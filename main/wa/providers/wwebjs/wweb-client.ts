import path from 'node:path';

/**
 * The part of whatsapp-web.js's `Client` the provider uses, so tests can put a fake in its place
 * (test/support/fake-wweb-client.ts) and the core never loads puppeteer unless a tenant uses it.
 * Names, arguments and return shapes follow whatsapp-web.js 1.34 (index.d.ts, src/Client.js).
 */
export interface WwebEvents {
  /** A new pairing QR; each one replaces the last. */
  qr: [qr: string];
  authenticated: [];
  auth_failure: [message: string];
  ready: [];
  /** A WAState such as 'CONFLICT' or 'UNPAIRED', or 'LOGOUT' when the phone unlinked us. */
  disconnected: [reason: string];
  change_state: [state: string];
  /** `ack` is MessageAck: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played. */
  message_ack: [message: WwebMessage, ack: number];
}

export type WwebEventName = keyof WwebEvents;
export type WwebListener<E extends WwebEventName> = (...args: WwebEvents[E]) => void;

export interface WwebMessage {
  id: { _serialized: string };
}

/** A message as a chat's history returns it (whatsapp-web.js Message: body, fromMe, timestamp in seconds). */
export interface WwebChatMessage {
  id: { _serialized: string };
  body: string;
  fromMe: boolean;
  timestamp: number;
}

export interface WwebChat {
  /** The chat's latest messages, oldest first (Chat.fetchMessages; `fromMe` filters by sender). */
  fetchMessages(options: { limit?: number; fromMe?: boolean }): Promise<WwebChatMessage[]>;
}

export interface WwebClientInfo {
  pushname?: string;
  wid?: { user: string };
}

export interface WwebClient {
  on<E extends WwebEventName>(event: E, listener: WwebListener<E>): unknown;
  off<E extends WwebEventName>(event: E, listener: WwebListener<E>): unknown;
  removeListener<E extends WwebEventName>(event: E, listener: WwebListener<E>): unknown;
  /** Launches the browser and opens WhatsApp Web; resolves once the QR or the session is wired, before `ready`. */
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  /** Unlinks the device on WhatsApp's side, closes the browser and deletes the LocalAuth session. */
  logout(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<WwebMessage>;
  /** The chat id of a number (digits only), or null when it has no WhatsApp account. */
  getNumberId(number: string): Promise<{ _serialized: string } | null>;
  getChatById(chatId: string): Promise<WwebChat>;
  /** A WAState such as 'CONNECTED', or null when WhatsApp Web has no socket state yet. */
  getState(): Promise<string | null>;
  /** Set by whatsapp-web.js at `ready`. */
  info?: WwebClientInfo | undefined;
}

export interface WwebClientParams {
  /** The tenant id: one WhatsApp session per tenant. */
  clientId: string;
  /** LocalAuth's folder (absolute) under the app's data folder. */
  dataPath: string;
  /** The user's Chrome / Edge / Chromium. */
  executablePath: string;
}

export type WwebClientFactory = (params: WwebClientParams) => Promise<WwebClient>;

/** Folder under the app's data folder that holds every tenant's session and the WhatsApp Web cache. */
export const WWEBJS_DIR = 'wwebjs';

/** LocalAuth rejects anything else, and the id becomes a folder name. */
const CLIENT_ID = /^[-_\w]+$/;

export interface ClientOptions {
  localAuth: { clientId: string; dataPath: string };
  puppeteer: { executablePath: string; headless: true; args: string[] };
  webVersionCache: { type: 'local'; path: string };
}

/**
 * What createRealClient hands whatsapp-web.js, kept pure so it can be checked without a browser.
 * `runningAsRoot`: Chrome refuses to start as root on Linux unless its sandbox is turned off;
 * everywhere else the sandbox stays on.
 */
export function clientOptions(params: WwebClientParams, runningAsRoot: boolean): ClientOptions {
  if (!CLIENT_ID.test(params.clientId)) {
    throw new Error(`WhatsApp session id "${params.clientId}" may only hold letters, digits, "-" and "_"`);
  }
  if (!path.isAbsolute(params.dataPath)) {
    // A relative folder would follow the process's working directory, which an installed app does not control.
    throw new Error(`WhatsApp session folder must be absolute, got "${params.dataPath}"`);
  }
  return {
    localAuth: { clientId: params.clientId, dataPath: params.dataPath },
    puppeteer: {
      executablePath: params.executablePath,
      headless: true,
      args: [
        ...(runningAsRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        // Containers and small VMs give Chrome a tiny /dev/shm, which crashes tabs under load.
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
      ],
    },
    // whatsapp-web.js caches WhatsApp Web's page in ./.wwebjs_cache by default: the working
    // directory, which may be read-only (Program Files) or shared. Keep it with the sessions.
    webVersionCache: { type: 'local', path: path.join(params.dataPath, 'web-cache') },
  };
}

/** Where LocalAuth keeps a client's browser profile (LocalAuth.js: `session-<clientId>`). */
export function sessionDir(params: Pick<WwebClientParams, 'clientId' | 'dataPath'>): string {
  return path.join(params.dataPath, `session-${params.clientId}`);
}

/** Imported on first use: whatsapp-web.js loads puppeteer, which only tenants on wwebjs need. */
export const createRealClient: WwebClientFactory = async (params) => {
  const options = clientOptions(params, process.platform === 'linux' && process.getuid?.() === 0);
  const { Client, LocalAuth } = (await import('whatsapp-web.js')).default;
  const client: WwebClient = new Client({
    authStrategy: new LocalAuth(options.localAuth),
    puppeteer: options.puppeteer,
    webVersionCache: options.webVersionCache,
  });
  return client;
};
