import type { WaProviderKey } from '../../shared/domain/wa.js';

/**
 * What Chromium (net::ERR_...) and Node (getaddrinfo ENOTFOUND ...) say when the office has no
 * working internet: the name of web.whatsapp.com or api.fonnte.com cannot be looked up, or nothing
 * answers. The advice is the office's connection, not the browser or the token.
 */
const OFFLINE =
  /ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|ADDRESS_UNREACHABLE|CONNECTION_(REFUSED|RESET|CLOSED|TIMED_OUT|FAILED)|TIMED_OUT|PROXY_CONNECTION_FAILED)|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/;

/** States that mean the connection is not working: their detail is a problem to explain. */
const TROUBLE = new Set(['error', 'disconnected', 'auth_failure']);

/**
 * A provider's own words about its connection, as the office should read them: an i18n key with
 * the right advice, or null when the words are not a problem (a Fonnte device's name and number).
 * The raw words stay available as the technical detail.
 */
export function problemKey(provider: WaProviderKey, state: string, raw: string): string | null {
  if (OFFLINE.test(raw)) return 'wa.offline';
  if (!TROUBLE.has(state)) return null;
  if (provider === 'fonnte' && state === 'auth_failure') return 'wa.fonnteToken';
  if (provider === 'fonnte' && state === 'disconnected') return 'wa.fonnteDevice';
  return 'wa.unknownProblem';
}
