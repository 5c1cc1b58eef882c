import { rm } from 'node:fs/promises';
import path from 'node:path';
import { backoffDelay, type Backoff } from '../../../jobs/index.js';
import { isoAt, silentLogger, systemClock, type Clock, type Logger } from '../../../platform/index.js';
import type {
  DeliveryStatus,
  Handover,
  OutgoingMessage,
  ProviderState,
  ProviderStatus,
  SendResult,
  WaErrorCode,
  WaProvider,
} from '../provider.js';
import { deliveryStatusOf } from './ack-status.js';
import { findBrowser as findUserBrowser, type BrowserLookup, type BrowserProblem } from './browser-finder.js';
import { describeError, isDeadPageError } from './page-errors.js';
import { CallTimeoutError, withTimeout } from './with-timeout.js';
import {
  createRealClient,
  sessionDir,
  WWEBJS_DIR,
  type WwebClient,
  type WwebClientFactory,
  type WwebClientInfo,
  type WwebEventName,
  type WwebListener,
} from './wweb-client.js';

export interface WwebjsWatchdogOptions {
  /** After `authenticated`, how long `ready` may take before the browser is started afresh. */
  readyTimeoutMs?: number;
  /**
   * From launch until the QR or the stored session shows up. Longer than readyTimeoutMs: with a
   * stored session whatsapp-web.js only says `authenticated` once WhatsApp Web has synced.
   */
  startTimeoutMs?: number;
  /** How often a ready session's WhatsApp socket state is checked. */
  stateCheckMs?: number;
  /** Wait before re-initialising, doubling with each failure in a row until `ready`. */
  restartBackoff?: Backoff;
}

export interface WwebjsProviderOptions {
  tenantId: string;
  /** The app's data folder; sessions live in <dataDir>/wwebjs/session-<tenantId>. */
  dataDir: string;
  /** From the WhatsApp settings; empty or null means "detect". */
  browserPath?: string | null;
  clientFactory?: WwebClientFactory;
  findBrowser?: (configuredPath: string | null) => BrowserLookup;
  clock?: Clock;
  log?: Logger;
  /** Deadline for each call into the page (send, number check, state check, closing). */
  callTimeoutMs?: number;
  watchdog?: WwebjsWatchdogOptions;
}

export interface WwebjsStatus extends ProviderStatus {
  /** When the state (or the QR) last changed, ISO UTC from the injected clock. */
  changedAt: string;
  /** Why the session cannot start at all, as an i18n key + params; null otherwise. */
  problem: BrowserProblem | null;
}

export type WwebjsStateListener = (status: WwebjsStatus) => void;
export type WwebjsAckListener = (providerMessageId: string, status: DeliveryStatus) => void;

export interface WwebjsProvider extends WaProvider {
  status(): Promise<WwebjsStatus>;
  /** Starts the session, or restarts it when it is stopped, failed or waiting to retry. */
  start(): Promise<void>;
  /** Closes the browser and cancels every timer; the stored session is kept. */
  stop(): Promise<void>;
  /** Unlinks the device, deletes the stored session and, if started, shows a fresh QR. */
  logout(): Promise<void>;
  onState(listener: WwebjsStateListener): () => void;
  onAck(listener: WwebjsAckListener): () => void;
  /**
   * After a crash mid-send: is `message` in its chat, sent by us since `since` (ms)? Read from the
   * chat's recent history, which WhatsApp Web keeps in step with the phone.
   */
  findSent(message: OutgoingMessage, since: number): Promise<SentLookup>;
}

/** What a chat's history says about an interrupted send. */
export type SentLookup =
  | { kind: 'found'; providerMessageId: string }
  /** Not in the chat: it never left, sending it now is safe. */
  | { kind: 'absent' }
  /** The session could not be asked (not ready, the page did not answer): ask again later. */
  | { kind: 'unknown'; reason: string };

/** How far back a chat is read: the interrupted message is among our latest ones to that number. */
const LOOKUP_MESSAGES = 50;
/** The phone's clock and ours may differ by this much: a message stamped a little earlier still counts. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Stable codes in `detail` for what the provider itself decided; whatsapp-web.js's own reasons
 * (WAState names such as CONFLICT, or LOGOUT) are passed through as they are.
 */
export const WWEBJS_DETAIL = {
  startTimeout: 'START_TIMEOUT',
  readyTimeout: 'READY_TIMEOUT',
  pageDied: 'PAGE_DIED',
  notConnected: 'NOT_CONNECTED',
  logout: 'LOGOUT',
} as const;

const DEFAULT_RESTART_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 300_000 };
/** States in which the session is on its way or working: start() leaves those alone. */
const RUNNING: ReadonlySet<ProviderState> = new Set(['starting', 'qr', 'authenticated', 'ready']);

interface Attached {
  client: WwebClient;
  detach(): void;
}

/** See README.md for the state machine and the whatsapp-web.js behaviour it follows. */
export function createWwebjsProvider({
  tenantId,
  dataDir,
  browserPath = null,
  clientFactory = createRealClient,
  findBrowser = (configuredPath) => findUserBrowser({ configuredPath }),
  clock = systemClock,
  log = silentLogger,
  callTimeoutMs = 60_000,
  watchdog = {},
}: WwebjsProviderOptions): WwebjsProvider {
  const {
    readyTimeoutMs = 120_000,
    startTimeoutMs = 300_000,
    stateCheckMs = 60_000,
    restartBackoff = DEFAULT_RESTART_BACKOFF,
  } = watchdog;
  const dataPath = path.resolve(dataDir, WWEBJS_DIR);
  const stateListeners = new Set<WwebjsStateListener>();
  const ackListeners = new Set<WwebjsAckListener>();

  let status: WwebjsStatus = { state: 'stopped', detail: null, qr: null, changedAt: isoAt(clock), problem: null };
  let started = false;
  let current: Attached | null = null;
  /** Bumped whenever a client is given up: late events and answers of older ones are ignored. */
  let generation = 0;
  /** Restarts in a row that have not reached `ready`: the backoff's attempt count. */
  let failures = 0;
  let badStateChecks = 0;
  /** The last client's shutdown: a new browser must not open the same profile before it is closed. */
  let retiring: Promise<void> = Promise.resolve();
  let watchdogTimer: NodeJS.Timeout | null = null;
  let stateCheckTimer: NodeJS.Timeout | null = null;
  let restartTimer: NodeJS.Timeout | null = null;

  function setStatus(state: ProviderState, detail: string | null = null, qr: string | null = null, problem: BrowserProblem | null = null) {
    status = { state, detail, qr, changedAt: isoAt(clock), problem };
    // The QR is a pairing secret: never logged.
    log.info('wwebjs state', { tenantId, state, detail });
    for (const listener of stateListeners) {
      try {
        listener({ ...status });
      } catch (error) {
        log.error('wwebjs state listener failed', { tenantId, error: describeError(error) });
      }
    }
  }

  function clearTimers() {
    if (watchdogTimer) clearTimeout(watchdogTimer);
    if (stateCheckTimer) clearInterval(stateCheckTimer);
    if (restartTimer) clearTimeout(restartTimer);
    watchdogTimer = stateCheckTimer = restartTimer = null;
  }

  function armWatchdog(ms: number, reason: string) {
    if (watchdogTimer) clearTimeout(watchdogTimer);
    watchdogTimer = setTimeout(() => {
      watchdogTimer = null;
      log.warn('wwebjs watchdog: starting the browser afresh', { tenantId, reason });
      restartLater('disconnected', reason);
    }, ms).unref();
  }

  function disarmWatchdog() {
    if (watchdogTimer) clearTimeout(watchdogTimer);
    watchdogTimer = null;
  }

  /** Gives up the current client: ignored from now on, closed in the background, in order. */
  function retire(farewell?: (client: WwebClient) => Promise<void>): Promise<void> {
    generation += 1;
    clearTimers();
    const old = current;
    current = null;
    if (!old) return retiring;
    old.detach();
    const previous = retiring;
    retiring = (async () => {
      await previous;
      if (farewell) await attempt(() => farewell(old.client), 'logout');
      await attempt(() => old.client.destroy(), 'closing the browser');
    })();
    return retiring;
  }

  async function attempt(call: () => Promise<void>, what: string) {
    try {
      await withTimeout(call(), callTimeoutMs, what);
    } catch (error) {
      log.warn(`wwebjs ${what} failed`, { tenantId, error: describeError(error) });
    }
  }

  function restartLater(state: 'disconnected' | 'error', reason: string) {
    void retire();
    failures += 1;
    setStatus(state, reason);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      void launch();
    }, backoffDelay(failures, restartBackoff)).unref();
  }

  async function launch(): Promise<void> {
    const retired = retire();
    const gen = generation;
    await retired;
    if (gen !== generation) return;

    const browser = findBrowser(browserPath);
    if (!browser.ok) {
      // Retrying cannot install a browser: wait for the settings to change and start() again.
      setStatus('error', browser.code, null, browser);
      return;
    }
    setStatus('starting');
    armWatchdog(startTimeoutMs, WWEBJS_DETAIL.startTimeout);

    let client: WwebClient;
    try {
      client = await clientFactory({ clientId: tenantId, dataPath, executablePath: browser.path });
    } catch (error) {
      if (gen === generation) restartLater('error', describeError(error));
      return;
    }
    if (gen !== generation) {
      await attempt(() => client.destroy(), 'closing the browser');
      return;
    }
    current = attach(client, gen);
    // initialize() settles once the QR or the session is wired; `ready` comes later as an event.
    client.initialize().catch((error: unknown) => {
      if (gen !== generation) return;
      log.warn('wwebjs initialize failed', { tenantId, error: describeError(error) });
      restartLater('error', describeError(error));
    });
  }

  function attach(client: WwebClient, gen: number): Attached {
    // Detached when the client is given up (retire), so a replaced client's late events change nothing.
    const detachers: Array<() => void> = [];
    function on<E extends WwebEventName>(event: E, handler: WwebListener<E>) {
      client.on(event, handler);
      detachers.push(() => client.removeListener(event, handler));
    }

    on('qr', (qr) => {
      // Waiting for a person to scan is normal, however long it takes.
      disarmWatchdog();
      setStatus('qr', null, qr);
    });
    on('authenticated', () => {
      setStatus('authenticated');
      armWatchdog(readyTimeoutMs, WWEBJS_DETAIL.readyTimeout);
    });
    on('ready', () => {
      disarmWatchdog();
      failures = 0;
      badStateChecks = 0;
      setStatus('ready', describeDevice(client.info));
      startStateChecks(client, gen);
    });
    on('auth_failure', (message) => {
      // The stored session was refused; whatsapp-web.js may retry with a QR itself, else a person decides.
      clearTimers();
      setStatus('auth_failure', message || null);
    });
    on('disconnected', (reason) => {
      if (reason === WWEBJS_DETAIL.logout) {
        // Unlinked from the phone: whatsapp-web.js deletes the LocalAuth session and reloads
        // WhatsApp Web in the same page, so a fresh `qr` follows on this client.
        clearTimers();
        setStatus('qr', WWEBJS_DETAIL.logout);
        armWatchdog(startTimeoutMs, WWEBJS_DETAIL.startTimeout);
        return;
      }
      // Any other reason: whatsapp-web.js has already destroyed this client.
      restartLater('disconnected', reason);
    });
    on('change_state', (state) => {
      log.info('wwebjs socket state', { tenantId, state });
      if (state === 'CONNECTED') badStateChecks = 0;
    });
    on('message_ack', (message, ack) => {
      const delivery = deliveryStatusOf(ack);
      if (!delivery) return;
      for (const listener of ackListeners) {
        try {
          listener(message.id._serialized, delivery);
        } catch (error) {
          log.error('wwebjs ack listener failed', { tenantId, error: describeError(error) });
        }
      }
    });

    return { client, detach: () => detachers.forEach((detach) => detach()) };
  }

  /** WhatsApp Web can sit on OPENING / TIMEOUT for ever without saying `disconnected`. */
  function startStateChecks(client: WwebClient, gen: number) {
    let checking = false;
    async function check() {
      if (checking) return;
      checking = true;
      try {
        const state = await withTimeout(client.getState(), callTimeoutMs, 'getState');
        if (gen !== generation) return;
        badStateChecks = state === 'CONNECTED' ? 0 : badStateChecks + 1;
      } catch (error) {
        if (gen !== generation) return;
        if (isDeadPageError(error)) {
          restartLater('disconnected', WWEBJS_DETAIL.pageDied);
          return;
        }
        badStateChecks += 1;
      } finally {
        checking = false;
      }
      if (badStateChecks >= 2) restartLater('disconnected', WWEBJS_DETAIL.notConnected);
    }
    if (stateCheckTimer) clearInterval(stateCheckTimer);
    stateCheckTimer = setInterval(() => void check(), stateCheckMs).unref();
  }

  function failure(code: WaErrorCode, retryable: boolean, message: string, mayHaveReached = false): SendResult {
    return { ok: false, code, retryable, message, mayHaveReached };
  }

  /**
   * `sending`: the failure came from sendMessage, not from the number check before it. Then a page
   * that died or went silent may have handed the message to WhatsApp first; an error the page threw
   * back is an answer, and says it did not send.
   */
  function sendFailure(error: unknown, gen: number, sending: boolean): SendResult {
    const text = describeError(error);
    if (isDeadPageError(error)) {
      if (gen === generation) restartLater('disconnected', WWEBJS_DETAIL.pageDied);
      return failure('NETWORK', true, `WhatsApp Web page is gone: ${text}`, sending);
    }
    if (error instanceof CallTimeoutError) return failure('TIMEOUT', true, text, sending);
    return failure('PROVIDER_ERROR', true, `whatsapp-web.js: ${text}`);
  }

  return {
    key: 'wwebjs',

    async send(message: OutgoingMessage, handover?: Handover): Promise<SendResult> {
      const attached = current;
      const gen = generation;
      if (!attached || status.state !== 'ready') {
        return failure('NOT_READY', true, `WhatsApp session is not ready (${status.state})`);
      }
      const digits = message.to.replace(/\D/g, '');
      if (!/^[1-9]\d{6,14}$/.test(digits)) return failure('INVALID_NUMBER', false, 'The number is not a valid international number');
      let chat: { _serialized: string } | null;
      try {
        chat = await withTimeout(attached.client.getNumberId(digits), callTimeoutMs, 'Checking the number on WhatsApp');
      } catch (error) {
        return sendFailure(error, gen, false);
      }
      if (!chat) return failure('NOT_ON_WHATSAPP', false, 'The number has no WhatsApp account');
      if (handover && !(await handover())) return failure('PROVIDER_ERROR', false, 'cancelled before sending');
      try {
        const sent = await withTimeout(attached.client.sendMessage(chat._serialized, message.text), callTimeoutMs, 'Sending');
        return { ok: true, providerMessageId: sent.id._serialized };
      } catch (error) {
        return sendFailure(error, gen, true);
      }
    },

    async findSent(message: OutgoingMessage, since: number): Promise<SentLookup> {
      const attached = current;
      if (!attached || status.state !== 'ready') return { kind: 'unknown', reason: `WhatsApp session is not ready (${status.state})` };
      try {
        const chatId = await withTimeout(attached.client.getNumberId(message.to.replace(/\D/g, '')), callTimeoutMs, 'Checking the number on WhatsApp');
        // No WhatsApp account: nothing can have been delivered; the send will say so.
        if (!chatId) return { kind: 'absent' };
        const chat = await withTimeout(attached.client.getChatById(chatId._serialized), callTimeoutMs, 'Opening the chat');
        const recent = await withTimeout(chat.fetchMessages({ limit: LOOKUP_MESSAGES, fromMe: true }), callTimeoutMs, 'Reading the chat');
        const match = recent.find((m) => m.fromMe && m.body === message.text && m.timestamp * 1000 >= since - CLOCK_SLACK_MS);
        return match ? { kind: 'found', providerMessageId: match.id._serialized } : { kind: 'absent' };
      } catch (error) {
        return { kind: 'unknown', reason: describeError(error) };
      }
    },

    async status() {
      return { ...status };
    },

    async start() {
      if (started && RUNNING.has(status.state)) return;
      started = true;
      failures = 0;
      await launch();
    },

    async stop() {
      started = false;
      await retire();
      setStatus('stopped');
    },

    async logout() {
      // Detached first, so the library's own `disconnected: LOGOUT` is not taken for the phone unlinking us.
      const retired = retire((client) => client.logout());
      setStatus('disconnected', WWEBJS_DETAIL.logout);
      await retired;
      // LocalAuth deletes this in logout(), but only through a live page and while Chrome may still
      // hold files open (EBUSY on Windows); with the browser closed, deleting it here always works.
      try {
        await rm(sessionDir({ clientId: tenantId, dataPath }), { recursive: true, force: true, maxRetries: 4 });
      } catch (error) {
        log.error('wwebjs could not delete the session folder', { tenantId, error: describeError(error) });
      }
      failures = 0;
      if (started) await launch();
      else setStatus('stopped');
    },

    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },

    onAck(listener) {
      ackListeners.add(listener);
      return () => ackListeners.delete(listener);
    },
  };
}

function describeDevice(info: WwebClientInfo | undefined): string | null {
  const name = info?.pushname?.trim();
  const number = info?.wid?.user ? `+${info.wid.user}` : null;
  if (name && number) return `${name} (${number})`;
  return name || number;
}
