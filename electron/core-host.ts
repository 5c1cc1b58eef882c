import type { ParentPort } from 'electron';
import { createCore, type Core } from '../main/core/index.js';
import { createSecretBox } from '../main/secrets/index.js';
import { keepRunningOnUnhandledRejection, type Logger } from '../main/platform/index.js';
import { ipcFailure } from '../shared/contract/ipc.js';
import type { FromCore, LogLevel, ToCore } from './core-messages.js';

/**
 * The core's home in the desktop app: a utilityProcess forked by electron/main.ts, so SQLite work
 * and jobs never stall the window. It speaks only the messages of core-messages.ts.
 */
const port: ParentPort = process.parentPort;
let core: Core | null = null;

function send(message: FromCore): void {
  port.postMessage(message);
}

function logLine(level: LogLevel): Logger['info'] {
  return (message, data) => {
    try {
      send({ type: 'log', level, message, data });
    } catch {
      // The data did not survive structured cloning: the message alone still says what happened.
      send({ type: 'log', level, message });
    }
  };
}
const log: Logger = { info: logLine('info'), warn: logLine('warn'), error: logLine('error') };
keepRunningOnUnhandledRejection(log);

async function handle(message: ToCore): Promise<void> {
  switch (message.type) {
    case 'start': {
      if (core) return;
      try {
        core = createCore({ dataDir: message.dataDir, secrets: createSecretBox(Buffer.from(message.key, 'base64')), log, unlockLogin: message.unlockLogin === true });
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      core.onEvent((event) => send({ type: 'event', event }));
      send({ type: 'ready' });
      return;
    }
    case 'call': {
      // The shell sends calls only after 'ready', and the dispatcher turns failures into values;
      // answering regardless keeps the shell's promise from ever hanging.
      const result = core
        ? await core.call(message.method, message.input, message.meta).catch(() => ipcFailure('INTERNAL', message.meta.locale))
        : ipcFailure('INTERNAL', message.meta.locale);
      send({ type: 'result', id: message.id, result });
      return;
    }
    case 'stop': {
      const closing = core;
      core = null;
      await closing?.close();
      send({ type: 'stopped' });
      return;
    }
  }
}

port.on('message', ({ data }: { data: ToCore }) => {
  handle(data).catch((error: unknown) => {
    log.error('core host message failed', { type: data.type, error: error instanceof Error ? error.message : String(error) });
  });
});
