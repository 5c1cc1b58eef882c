import { describe, expect, it } from 'vitest';
import { problemKey } from '../../main/wa/connection-problem.js';

/** What the office is told when the connection fails: the cause it can act on, not the raw words. */
describe('connection problems in plain words', () => {
  it('reads Chromium\'s and Node\'s "no internet" as the office being offline, whichever provider and state', () => {
    expect(problemKey('wwebjs', 'error', 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/')).toBe('wa.offline');
    expect(problemKey('wwebjs', 'error', 'net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/')).toBe('wa.offline');
    expect(problemKey('fonnte', 'error', 'Fonnte unreachable: ENOTFOUND (getaddrinfo ENOTFOUND api.fonnte.com)')).toBe('wa.offline');
    expect(problemKey('fonnte', 'error', 'Fonnte unreachable: EAI_AGAIN (getaddrinfo EAI_AGAIN api.fonnte.com)')).toBe('wa.offline');
  });

  it('points a refused Fonnte token and a disconnected Fonnte phone to the Fonnte dashboard', () => {
    expect(problemKey('fonnte', 'auth_failure', 'invalid token')).toBe('wa.fonnteToken');
    expect(problemKey('fonnte', 'disconnected', 'device disconnected')).toBe('wa.fonnteDevice');
  });

  it('calls anything else a problem it does not recognise, and leaves words that are no problem alone', () => {
    expect(problemKey('wwebjs', 'error', 'Evaluation failed: TypeError')).toBe('wa.unknownProblem');
    expect(problemKey('fonnte', 'ready', 'Kantor RRNet (+6281299990000)')).toBeNull();
  });
});
