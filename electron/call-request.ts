import type { IpcCallRequest } from '../shared/contract/ipc.js';

const MAX_SESSION_LENGTH = 200;

/**
 * Reads what a page sent with a contract call. The page is never trusted: the input goes to the
 * core untouched (the core validates it with zod), but the meta is rebuilt from known fields only.
 */
export function readCallRequest(raw: unknown): IpcCallRequest {
  const request = isRecord(raw) ? raw : {};
  const meta = isRecord(request.meta) ? request.meta : {};
  const session = typeof meta.session === 'string' && meta.session.length > 0 && meta.session.length <= MAX_SESSION_LENGTH ? meta.session : null;
  return { input: request.input, meta: { session, locale: meta.locale === 'en' ? 'en' : 'id' } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
