import type { CallMeta } from '../shared/contract/client.js';
import type { CallResult } from '../shared/contract/errors.js';
import type { DomainEvent } from '../shared/contract/events.js';
import { ipcFailure } from '../shared/contract/ipc.js';
import type { Logger } from '../main/platform/index.js';
import type { FromCore, ToCore } from './core-messages.js';

/** The slice of Electron's UtilityProcess the shell uses, so the relay can be driven by a fake. */
export interface CoreChild {
  postMessage(message: ToCore): void;
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreProcessOptions {
  fork(): CoreChild;
  start: { dataDir: string; key: string; unlockLogin?: boolean };
  log: Logger;
  onEvent(event: DomainEvent): void;
  /** The core cannot run (it refused to start, or kept dying): the user has to be told. */
  onBroken(reason: string): void;
  /** Waits before a restart; injectable so tests need no real time. */
  delay?(ms: number): Promise<void>;
}

type State = 'starting' | 'ready' | 'restarting' | 'broken' | 'stopping' | 'stopped';
interface Call {
  message: Extract<ToCore, { type: 'call' }>;
  resolve(result: CallResult<unknown>): void;
}

/** Crashes in a row (without reaching 'ready' in between) before the shell gives up. */
export const MAX_RESTARTS = 5;
const STOP_TIMEOUT_MS = 10_000;
const backoffMs = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt);

/**
 * Runs the core in its utilityProcess and relays contract calls to it. Calls made while the core
 * starts or restarts wait for it; calls in flight when it dies fail with INTERNAL (the user may
 * retry: every side effect in the core is an idempotent job) and the core is restarted with backoff.
 */
export class CoreProcess {
  private child: CoreChild | null = null;
  private state: State = 'stopped';
  private crashes = 0;
  private nextId = 1;
  private readonly waiting: Call[] = [];
  private readonly inFlight = new Map<number, Call>();
  private stopped: (() => void) | null = null;
  private readonly delay: (ms: number) => Promise<void>;

  constructor(private readonly options: CoreProcessOptions) {
    this.delay = options.delay ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  }

  start(): void {
    this.state = 'starting';
    const child = this.options.fork();
    this.child = child;
    child.on('message', (message) => this.receive(child, message));
    child.on('exit', (code) => this.exited(child, code));
    child.postMessage({ type: 'start', ...this.options.start });
  }

  call(method: string, input: unknown, meta: CallMeta): Promise<CallResult<unknown>> {
    if (this.state === 'broken' || this.state === 'stopping' || this.state === 'stopped') {
      return Promise.resolve(ipcFailure('INTERNAL', meta.locale));
    }
    return new Promise((resolve) => {
      const call: Call = { message: { type: 'call', id: this.nextId++, method, input, meta }, resolve };
      if (this.state === 'ready') this.send(call);
      else this.waiting.push(call);
    });
  }

  /** Closes the core cleanly (database, jobs), or kills it if it does not answer in time. */
  async stop(): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') return;
    const child = this.child;
    const closeable = this.state === 'ready' && child !== null;
    this.state = 'stopping';
    this.failAll(this.waiting.splice(0));
    if (closeable) {
      await new Promise<void>((done) => {
        this.stopped = done;
        child.postMessage({ type: 'stop' });
        setTimeout(done, STOP_TIMEOUT_MS).unref();
      });
    }
    this.stopped = null;
    this.failAll([...this.inFlight.values()]);
    this.inFlight.clear();
    this.state = 'stopped';
    this.child = null;
    child?.kill();
  }

  private send(call: Call): void {
    this.inFlight.set(call.message.id, call);
    this.child?.postMessage(call.message);
  }

  private receive(child: CoreChild, message: FromCore): void {
    if (child !== this.child) return;
    switch (message.type) {
      case 'ready': {
        const cameBack = this.crashes > 0;
        this.state = 'ready';
        this.crashes = 0;
        for (const call of this.waiting.splice(0)) this.send(call);
        // Events committed just before the crash never reached the window: tell it to reload.
        if (cameBack) this.options.onEvent({ name: 'core_restarted', tenantId: '', payload: {}, seq: 0, at: new Date().toISOString() });
        return;
      }
      case 'result':
        this.inFlight.get(message.id)?.resolve(message.result);
        this.inFlight.delete(message.id);
        return;
      case 'event':
        this.options.onEvent(message.event);
        return;
      case 'log':
        this.options.log[message.level](`[core] ${message.message}`, message.data);
        return;
      case 'failed':
        this.breakDown(`the core could not start: ${message.message}`);
        child.kill();
        return;
      case 'stopped':
        this.stopped?.();
        return;
    }
  }

  private exited(child: CoreChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    if (this.state === 'stopping') {
      this.stopped?.();
      return;
    }
    if (this.state === 'broken' || this.state === 'stopped') return;
    this.failAll([...this.inFlight.values()]);
    this.inFlight.clear();
    this.crashes += 1;
    if (this.crashes > MAX_RESTARTS) {
      this.breakDown(`the core exited ${this.crashes} times in a row (last code ${code})`);
      return;
    }
    this.options.log.error('core process exited; restarting it', { code, attempt: this.crashes });
    this.state = 'restarting';
    void this.delay(backoffMs(this.crashes - 1)).then(() => {
      if (this.state === 'restarting') this.start();
    });
  }

  private breakDown(reason: string): void {
    this.state = 'broken';
    this.options.log.error(reason);
    this.failAll(this.waiting.splice(0));
    this.failAll([...this.inFlight.values()]);
    this.inFlight.clear();
    this.options.onBroken(reason);
  }

  private failAll(calls: Call[]): void {
    for (const call of calls) call.resolve(ipcFailure('INTERNAL', call.message.meta.locale));
  }
}
