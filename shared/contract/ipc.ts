import type { Locale } from '../domain/user.js';
import { translate } from '../i18n/translate.js';
import type { CallMeta } from './client.js';
import type { CallResult, ErrorCode } from './errors.js';

/**
 * The Electron IPC wire, shared by the shell (electron/) and the bridge (preload/), which may not
 * import each other. One channel per contract method, `rrnet:<method>`, generated from
 * METHOD_NAMES on both sides; domain events travel on one channel to the window.
 */
export const IPC_CALL_PREFIX = 'rrnet:';
export const IPC_EVENT_CHANNEL = 'rrnet:event';

/** What the bridge sends with `ipcRenderer.invoke(IPC_CALL_PREFIX + method, request)`. */
export interface IpcCallRequest {
  input: unknown;
  meta: CallMeta;
}

/** A call the IPC path refuses or loses before the core answers, told in the caller's language. */
export function ipcFailure(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): CallResult<never> {
  return { ok: false, error: { code, message: translate(locale, `errors.${code}`, params) } };
}
