import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallMeta } from '../shared/contract/client.js';
import type { CallResult } from '../shared/contract/errors.js';
import { METHOD_NAMES, type MethodName } from '../shared/contract/index.js';
import { IPC_CALL_PREFIX, ipcFailure } from '../shared/contract/ipc.js';
import type { Logger } from '../main/platform/index.js';
import { readCallRequest } from './call-request.js';

export interface RelayOptions {
  /** Whether the call comes from our own page in our own window. */
  isTrusted(event: IpcMainInvokeEvent): boolean;
  call(method: MethodName, input: unknown, meta: CallMeta): Promise<CallResult<unknown>>;
  log: Logger;
}

/** One IPC handler per contract method, generated from the contract: no hand-written channel list. */
export function registerContractHandlers({ isTrusted, call, log }: RelayOptions): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_CALL_PREFIX + method, (event, raw: unknown) => {
      const { input, meta } = readCallRequest(raw);
      if (!isTrusted(event)) {
        log.warn('refused a contract call from a foreign frame', { method, url: event.senderFrame?.url.slice(0, 200) ?? null });
        return ipcFailure('FORBIDDEN', meta.locale);
      }
      return call(method, input, meta);
    });
  }
}
