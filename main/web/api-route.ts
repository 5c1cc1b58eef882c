import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/index.js';
import type { AppError } from '../../shared/contract/errors.js';
import { translate } from '../../shared/i18n/index.js';
import { HTTP_STATUS } from './http-status.js';

/** Bigger than any legitimate input (the longest text field is a few KB), small enough to be harmless. */
const MAX_BODY = 1024 * 1024;

/** `POST /api/<method>`: the body is the input, the answer is the output or `{ error }`. */
export async function handleApiCall(core: Core, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = req.headers['x-rrnet-locale'] === 'en' ? 'en' : 'id';
  const auth = req.headers.authorization;
  const session = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
  const body = await readBody(req);
  if (body === 'too-large') return sendError(res, invalid(locale, 'validation.tooLong'));
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
  } catch {
    return sendError(res, invalid(locale, 'validation.invalid'));
  }
  const result = await core.call(method, input, { session, locale, source: `web:${req.socket.remoteAddress ?? '?'}` });
  if (result.ok) return sendJson(res, 200, result.data);
  sendError(res, result.error);
}

function invalid(locale: 'id' | 'en', key: string): AppError {
  return { code: 'VALIDATION_FAILED', message: translate(locale, 'errors.VALIDATION_FAILED'), fields: { _: translate(locale, key) } };
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(data));
}

export function sendError(res: ServerResponse, error: AppError): void {
  sendJson(res, HTTP_STATUS[error.code], { error });
}
