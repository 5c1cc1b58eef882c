import type { CallMeta, Transport } from '../shared/contract/client.js';
import type { CallResult } from '../shared/contract/errors.js';
import type { DomainEvent } from '../shared/contract/events.js';
import { isMethodName } from '../shared/contract/index.js';
import { IPC_CALL_PREFIX, IPC_EVENT_CHANNEL, ipcFailure, type IpcCallRequest } from '../shared/contract/ipc.js';

/** The slice of Electron's ipcRenderer the bridge needs; a fake stands in for it in tests. */
export interface IpcRendererLike {
  invoke(channel: string, request: IpcCallRequest): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * What the page gets as `window.rrnet`: the contract's Transport and nothing more. The page cannot
 * name a channel, only a contract method; the IPC event object (which carries the sender) never
 * reaches it. The main process checks everything again: this is the first fence, not the last.
 */
export function createBridge(ipc: IpcRendererLike): Transport {
  return {
    async invoke(method: string, input: unknown, meta: CallMeta): Promise<CallResult<unknown>> {
      const locale = meta?.locale === 'en' ? 'en' : 'id';
      if (!isMethodName(method)) return ipcFailure('UNKNOWN_METHOD', locale, { method: String(method).slice(0, 80) });
      try {
        return (await ipc.invoke(IPC_CALL_PREFIX + method, { input, meta })) as CallResult<unknown>;
      } catch {
        // A handler that threw in the main process: the page still gets a value, as the contract promises.
        return ipcFailure('INTERNAL', locale);
      }
    },
    subscribe(listener: (event: DomainEvent) => void): () => void {
      const relay = (_event: unknown, payload: unknown) => listener(payload as DomainEvent);
      ipc.on(IPC_EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, relay);
      };
    },
  };
}
