import type { Handover, OutgoingMessage, ProviderStatus, SendResult, WaErrorCode, WaProvider } from '../provider.js';
import { createFonnteHttp, type FonnteAnswer } from './fonnte-http.js';
import { mapBareStatus, mapFonnteReason, mapOverridingStatus } from './reason-map.js';

export const FONNTE_BASE_URL = 'https://api.fonnte.com';

export interface FonnteProviderOptions {
  /** The device token from Fonnte's dashboard (not the account token). */
  token: string;
  baseUrl?: string;
  timeoutMs?: number;
}

type Interpreted =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; code: WaErrorCode; retryable: boolean; message: string; mayHaveReached: boolean };

/** See README.md for the documented contract this follows. */
export function createFonnteProvider({
  token,
  baseUrl = FONNTE_BASE_URL,
  timeoutMs = 15_000,
}: FonnteProviderOptions): WaProvider {
  const http = createFonnteHttp({ token, baseUrl, timeoutMs });
  // Whatever the provider or the network says ends up in logs and on screen: keep the token out.
  const redact = (text: string) => (token ? text.split(token).join('[token]') : text);

  async function call(path: string, form?: URLSearchParams, handover?: Handover): Promise<Interpreted> {
    const result = interpret(await http.post(path, form, handover));
    return result.ok ? result : { ...result, message: redact(result.message) };
  }

  return {
    key: 'fonnte',

    async send(message: OutgoingMessage, handover?: Handover): Promise<SendResult> {
      const result = await call(
        '/send',
        new URLSearchParams({
          target: message.to.replace(/\D/g, ''),
          message: message.text,
          countryCode: '62',
        }),
        handover,
      );
      if (!result.ok) return result;
      return { ok: true, providerMessageId: firstId(field(result.body, 'id')) };
    },

    async status(): Promise<ProviderStatus> {
      const result = await call('/device');
      if (result.ok) {
        const connected = field(result.body, 'device_status') === 'connect';
        return { state: connected ? 'ready' : 'disconnected', detail: describeDevice(result.body), qr: null };
      }
      const state =
        result.code === 'INVALID_TOKEN'
          ? 'auth_failure'
          : result.code === 'DEVICE_DISCONNECTED'
            ? 'disconnected'
            : 'error';
      return { state, detail: result.message, qr: null };
    },
  };
}

function interpret(answer: FonnteAnswer): Interpreted {
  if (answer.kind === 'no-answer') {
    return { ok: false, code: answer.code, retryable: true, message: answer.message, mayHaveReached: answer.mayHaveReached };
  }
  // Fonnte answered: whatever it said, it did not take a message it refused.
  const { httpStatus, body } = answer;
  const reason = textField(body, 'reason');
  const overriding = mapOverridingStatus(httpStatus);
  if (overriding) {
    // A gateway in front of Fonnte that lost the upstream's answer (502) or gave up waiting (504)
    // had passed the request on: Fonnte may have queued it.
    const mayHaveReached = httpStatus === 502 || httpStatus === 504;
    return { ...overriding, ok: false, mayHaveReached, message: `Fonnte answered HTTP ${httpStatus}${reason ? `: ${reason}` : ''}` };
  }
  const successful = httpStatus >= 200 && httpStatus < 300 && field(body, 'status') === true;
  if (successful && body) return { ok: true, body };
  // A 2xx without Fonnte's answer in it (a proxy's page, a body cut short) says nothing about
  // whether Fonnte took the message: it may have, so it is never resent blindly.
  if (httpStatus >= 200 && httpStatus < 300 && field(body, 'status') === undefined && !reason) {
    return { ok: false, code: 'PROVIDER_ERROR', retryable: true, mayHaveReached: true, message: `Fonnte answered HTTP ${httpStatus} without a readable answer` };
  }
  if (reason) return { ...mapFonnteReason(reason), ok: false, mayHaveReached: false, message: `Fonnte: ${reason}` };
  return { ...mapBareStatus(httpStatus), ok: false, mayHaveReached: false, message: `Fonnte refused without a reason (HTTP ${httpStatus})` };
}

/** Fonnte's own examples spell the flag both `status` and `Status`. */
function field(body: Record<string, unknown> | null, name: string): unknown {
  if (!body) return undefined;
  if (name in body) return body[name];
  const key = Object.keys(body).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : body[key];
}

function textField(body: Record<string, unknown> | null, name: string): string | null {
  const value = field(body, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** One id per target; we always send to exactly one. */
function firstId(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' || typeof first === 'number' ? String(first) : null;
}

function describeDevice(body: Record<string, unknown>): string | null {
  const name = textField(body, 'name');
  const device = textField(body, 'device');
  if (name && device) return `${name} (${device})`;
  return name ?? device;
}
