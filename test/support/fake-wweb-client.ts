import { EventEmitter } from 'node:events';
import type {
  WwebChat,
  WwebClient,
  WwebClientFactory,
  WwebClientParams,
  WwebEvents,
} from '../../main/wa/providers/wwebjs/index.js';

/**
 * Stands in for whatsapp-web.js's `Client` (1.34), which needs WhatsApp's servers. Same event
 * names, arguments and return shapes as the library (index.d.ts, src/Client.js); the test
 * controls play the parts of WhatsApp Web, the phone and the browser.
 */

/** Puppeteer's wording once the page or the browser behind it is gone. */
export const TARGET_CLOSED = 'Protocol error (Runtime.callFunctionOn): Target closed.';

/** Shaped like whatsapp-web.js's Message as far as a sender sees it. */
export interface FakeMessage {
  id: { fromMe: true; remote: string; id: string; _serialized: string };
  body: string;
  to: string;
  from: string;
  fromMe: true;
  ack: number;
  /** Seconds, as whatsapp-web.js stamps messages. */
  timestamp: number;
}

export interface FakeSent {
  chatId: string;
  content: string;
  message: FakeMessage;
}

/** WhatsApp's side: who has an account, and the paired phone. Shared by every client of one factory. */
interface FakeWorld {
  registered: Map<string, boolean>;
  phone: { pushname: string; user: string };
  nextMessage: number;
  /** Every chat's messages as WhatsApp keeps them: a new session (after a crash) reads the same history. */
  history: FakeMessage[];
}

type SendFailure = { kind: 'throw'; message: string } | { kind: 'hang' };

export class FakeWwebClient extends EventEmitter<WwebEvents> implements WwebClient {
  info: { pushname: string; wid: { server: string; user: string; _serialized: string } } | undefined;
  readonly sent: FakeSent[] = [];
  initializeCalls = 0;
  destroyCalls = 0;
  loggedOut = false;
  private pageOpen = false;
  private pageDead = false;
  private ready = false;
  private waState: string | null = null;
  private sendFailures: SendFailure[] = [];
  private numberCheckHangs = 0;
  private acksOnSend: number[] = [];

  constructor(
    /** What the provider asked the factory for. */
    readonly params: WwebClientParams,
    private readonly world: FakeWorld,
    private readonly initializeFailure: string | null,
  ) {
    super();
  }

  // --- whatsapp-web.js's Client ---

  async initialize(): Promise<void> {
    this.initializeCalls += 1;
    if (this.initializeFailure) throw new Error(this.initializeFailure);
    this.pageOpen = true;
    this.waState = 'OPENING';
  }

  async destroy(): Promise<void> {
    this.destroyCalls += 1;
    this.pageOpen = false;
    this.ready = false;
  }

  async logout(): Promise<void> {
    this.page();
    this.loggedOut = true;
    this.pageOpen = false;
    this.ready = false;
    this.info = undefined;
  }

  async getState(): Promise<string | null> {
    this.page();
    return this.waState;
  }

  /** Like the library: "@c.us" appended, the registered id or null. */
  async getNumberId(number: string): Promise<{ server: string; user: string; _serialized: string } | null> {
    this.page();
    if (this.numberCheckHangs > 0) {
      this.numberCheckHangs -= 1;
      return new Promise<never>(() => {});
    }
    const user = number.replace(/@c\.us$/, '');
    if (this.world.registered.get(user) === false) return null;
    return { server: 'c.us', user, _serialized: `${user}@c.us` };
  }

  async sendMessage(chatId: string, content: string): Promise<FakeMessage> {
    this.page();
    const failure = this.sendFailures.shift();
    if (failure?.kind === 'hang') return new Promise<never>(() => {});
    if (failure) throw new Error(failure.message);
    // WhatsApp Web's store is not there before `ready`; the library fails inside page.evaluate.
    if (!this.ready) throw new Error('Evaluation failed: TypeError: Cannot read properties of undefined (reading \'WWebJS\')');
    this.world.nextMessage += 1;
    const local = `3EB0${String(this.world.nextMessage).padStart(16, '0')}`;
    const message: FakeMessage = {
      id: { fromMe: true, remote: chatId, id: local, _serialized: `true_${chatId}_${local}` },
      body: content,
      to: chatId,
      from: `${this.world.phone.user}@c.us`,
      fromMe: true,
      ack: 0,
      timestamp: Math.floor(Date.now() / 1000),
    };
    this.sent.push({ chatId, content, message });
    this.world.history.push(message);
    // WhatsApp's server can confirm before the page's promise settles: the receipt overtakes the answer.
    for (const ack of this.acksOnSend.splice(0)) this.ack(message.id._serialized, ack);
    return message;
  }

  async getChatById(chatId: string): Promise<WwebChat> {
    this.page();
    const { history } = this.world;
    return {
      async fetchMessages({ limit = Infinity, fromMe }) {
        const mine = history.filter((m) => m.id.remote === chatId && (fromMe === undefined || m.fromMe === fromMe));
        return mine.slice(Math.max(0, mine.length - limit));
      },
    };
  }

  // --- test controls ---

  /** WhatsApp Web shows a (new) pairing QR. */
  emitQr(qr: string) {
    this.waState = 'UNPAIRED';
    this.emit('qr', qr);
  }

  /** The phone scans the QR (or a stored session is restored): authenticated, then ready. */
  scan({ ready = true }: { ready?: boolean } = {}) {
    this.waState = 'CONNECTED';
    this.emit('authenticated');
    if (ready) this.becomeReady();
  }

  becomeReady() {
    const { pushname, user } = this.world.phone;
    this.info = { pushname, wid: { server: 'c.us', user, _serialized: `${user}@c.us` } };
    this.ready = true;
    this.emit('ready');
  }

  failAuth(message = 'Unable to log in. Are the session details valid?') {
    this.emit('auth_failure', message);
  }

  /**
   * As the library does: 'LOGOUT' (unlinked from the phone) keeps the page and shows a new QR
   * next; any other reason destroys the client after the event.
   */
  disconnect(reason: string) {
    this.ready = false;
    if (reason === 'LOGOUT') {
      this.info = undefined;
      this.waState = 'UNPAIRED';
      this.emit('disconnected', reason);
      return;
    }
    this.waState = reason;
    this.emit('disconnected', reason);
    void this.destroy();
  }

  /** A `message_ack` for a message sent by this client (or any serialized id). */
  ack(serializedId: string, ack: number) {
    const sent = this.sent.find((s) => s.message.id._serialized === serializedId);
    if (sent) sent.message.ack = ack;
    const message = sent?.message ?? { id: { fromMe: true, remote: '', id: serializedId, _serialized: serializedId } };
    this.emit('message_ack', message, ack);
  }

  /** The socket state getState() reports from now on (CONNECTED, OPENING, TIMEOUT ...). */
  setWaState(state: string | null) {
    this.waState = state;
  }

  /** Whether the number has a WhatsApp account (all have by default); clients of one factory share this. */
  setRegistered(number: string, registered: boolean) {
    this.world.registered.set(number.replace(/\D/g, ''), registered);
  }

  /** The next sendMessage throws this message (puppeteer's dead-page wording, for instance). */
  failNextSend(message: string) {
    this.sendFailures.push({ kind: 'throw', message });
  }

  /** The next sendMessage never settles, like a frozen page. */
  hangNextSend() {
    this.sendFailures.push({ kind: 'hang' });
  }

  /** The next number check (getNumberId) never settles: the page froze before anything was sent. */
  hangNextNumberCheck() {
    this.numberCheckHangs += 1;
  }

  /** The next sendMessage emits these receipts before it resolves. */
  ackOnNextSend(...acks: number[]) {
    this.acksOnSend.push(...acks);
  }

  /** The tab crashed: every call into the page now fails with 'Target closed'. */
  crashPage() {
    this.pageDead = true;
  }

  get destroyed(): boolean {
    return this.destroyCalls > 0;
  }

  /** Calls into the page fail the way puppeteer fails once it is gone (or never opened). */
  private page() {
    if (this.pageDead || this.destroyCalls > 0) throw new Error(TARGET_CLOSED);
    if (!this.pageOpen) throw new TypeError("Cannot read properties of null (reading 'evaluate')");
  }
}

export interface FakeWweb {
  /** Give this to createWwebjsProvider as `clientFactory`. */
  factory: WwebClientFactory;
  /** Every client the factory made, oldest first. */
  clients: FakeWwebClient[];
  /** The newest client; throws when there is none yet. */
  latest(): FakeWwebClient;
  /** The next client's initialize() rejects, as when the browser cannot be launched. */
  failNextInitialize(message: string): void;
}

export function createFakeWweb({ pushname = 'Kantor RRNet', user = '6281299990000' } = {}): FakeWweb {
  const world: FakeWorld = { registered: new Map(), phone: { pushname, user }, nextMessage: 0, history: [] };
  const clients: FakeWwebClient[] = [];
  let initializeFailure: string | null = null;

  return {
    clients,
    async factory(params) {
      const client = new FakeWwebClient(params, world, initializeFailure);
      initializeFailure = null;
      clients.push(client);
      return client;
    },
    latest() {
      const client = clients.at(-1);
      if (!client) throw new Error('the provider has not created a client yet');
      return client;
    },
    failNextInitialize(message) {
      initializeFailure = message;
    },
  };
}
