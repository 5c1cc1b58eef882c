import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppError, ErrorCode } from '../../shared/contract/errors.js';
import { translate } from '../../shared/i18n/index.js';
import { HTTP_STATUS } from './http-status.js';

export type Locale = 'id' | 'en';

export const localeOf = (req: IncomingMessage): Locale => (req.headers['x-rrnet-locale'] === 'en' ? 'en' : 'id');

/** VALIDATION_FAILED with one message for the request as a whole (the `_` field): nothing to point a form field at. */
export function invalidRequest(locale: Locale, key: string): AppError {
  return { code: 'VALIDATION_FAILED', message: translate(locale, 'errors.VALIDATION_FAILED'), fields: { _: translate(locale, key) } };
}

export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(data));
}

/** `status` overrides the code's own where HTTP has a more exact word (413 for a body over the cap). */
export function sendError(res: ServerResponse, error: AppError, status = HTTP_STATUS[error.code]): void {
  sendJson(res, status, { error });
}

/** Refusals made before the dispatcher (bad origin, no token) still speak the caller's language. */
export function refuse(req: IncomingMessage, res: ServerResponse, code: ErrorCode): void {
  sendError(res, { code, message: translate(localeOf(req), `errors.${code}`, { method: req.method ?? '' }) });
}
