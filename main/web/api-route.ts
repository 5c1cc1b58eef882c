import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/index.js';
import { invalidRequest, localeOf, sendError, sendJson } from './refusals.js';

/** Bigger than any legitimate input (the longest text field is a few KB), small enough to be harmless. */
const MAX_BODY = 1024 * 1024;

/** `POST /api/<method>`: the body is the input, the answer is the output or `{ error }`. */
export async function handleApiCall(core: Core, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = localeOf(req);
  const auth = req.headers.authorization;
  const session = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
  const body = await readBody(req);
  if (body === 'too-large') return sendError(res, invalidRequest(locale, 'web.bodyTooLarge'), 413);
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
  } catch {
    return sendError(res, invalidRequest(locale, 'validation.invalid'));
  }
  const result = await core.call(method, input, { session, locale, source: `web:${req.socket.remoteAddress ?? '?'}` });
  if (result.ok) return sendJson(res, 200, result.data);
  sendError(res, result.error);
}

/**
 * A body over the cap is answered at once (its declared length says so, or its bytes do), and the
 * rest of it is read and dropped rather than the socket destroyed: a client still writing to a
 * destroyed socket sees a reset and never reads the answer. The server's request timeout bounds
 * how long a client may keep sending.
 */
function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
