import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFonnteProvider } from '../../main/wa/providers/fonnte/index.js';
import { mapFonnteReason } from '../../main/wa/providers/fonnte/reason-map.js';
import { createDryRunProvider } from '../../main/wa/providers/dry-run/index.js';
import type { SendResult, WaProvider } from '../../main/wa/providers/provider.js';
import { expectFailure as expectProviderFailure, outgoing } from '../support/outgoing.js';
import { startFonnteServer, type FonnteServer } from '../support/fonnte-server.js';

// Distinctive enough that any leak into a message would be caught by a substring check.
const TOKEN = 'tok-Zq8!secret+RRNet';
const message = outgoing;

/** A failure whose text never carries the token. */
function expectFailure(result: SendResult) {
  const failure = expectProviderFailure(result);
  expect(failure.message).not.toContain(TOKEN);
  return failure;
}

describe('Fonnte adapter against the local Fonnte server', () => {
  let server: FonnteServer;
  let provider: WaProvider;

  beforeEach(async () => {
    server = await startFonnteServer({ tokens: [TOKEN], name: 'Kantor RRNet', device: '6281299990000' });
    provider = createFonnteProvider({ token: TOKEN, baseUrl: server.url, timeoutMs: 300 });
  });

  afterEach(async () => {
    await server.close();
  });

  it('sends per the documented contract and returns the provider message id', async () => {
    const result = await provider.send(message());

    expect(result.ok).toBe(true);
    const [received] = server.received;
    expect(received?.outcome).toBe('accepted');
    expect(result).toEqual({ ok: true, providerMessageId: received?.id });
    expect(received?.authorization).toBe(TOKEN);
    expect(received?.contentType).toContain('application/x-www-form-urlencoded');
    expect(received?.fields).toEqual({
      target: '6281234567890',
      message: 'Tagihan Internet Januari: Rp150.000. Terima kasih.',
      countryCode: '62',
    });
  });

  it('reports a refused token as INVALID_TOKEN, not retryable, without the token', async () => {
    server.setTokens(['another-token']);
    const failure = expectFailure(await provider.send(message()));
    expect(failure).toMatchObject({ code: 'INVALID_TOKEN', retryable: false });
    expect(failure.message).toContain('token invalid');
  });

  it('reports a disconnected device as DEVICE_DISCONNECTED, retryable', async () => {
    server.setConnected(false);
    expect(expectFailure(await provider.send(message()))).toMatchObject({
      code: 'DEVICE_DISCONNECTED',
      retryable: true,
    });

    server.setConnected(true);
    server.failNext(1, 'disconnected');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'DEVICE_DISCONNECTED' });
    expect((await provider.send(message())).ok).toBe(true);
  });

  it('reports an exhausted package as PROVIDER_QUOTA, not retryable', async () => {
    server.setQuota(1);
    expect((await provider.send(message())).ok).toBe(true);
    expect(expectFailure(await provider.send(message()))).toMatchObject({
      code: 'PROVIDER_QUOTA',
      retryable: false,
    });
    expect(server.quota).toBe(0);
  });

  it('reports a target Fonnte rejects as INVALID_NUMBER, not retryable', async () => {
    expect(expectFailure(await provider.send(message({ to: '+62812' })))).toMatchObject({
      code: 'INVALID_NUMBER',
      retryable: false,
    });
  });

  it('maps HTTP 429 to RATE_LIMITED and 5xx to PROVIDER_ERROR, both retryable', async () => {
    server.failNext(1, 'http429');
    server.failNext(1, 'http500');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true });
  });

  it('keeps an unknown reason as a retryable PROVIDER_ERROR', async () => {
    server.failNext(1, { reason: 'server sedang maintenance' });
    const failure = expectFailure(await provider.send(message()));
    expect(failure).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true });
    expect(failure.message).toContain('server sedang maintenance');
  });

  it('gives up after timeoutMs when Fonnte never answers', async () => {
    server.failNext(1, 'timeout');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(server.received).toHaveLength(1);
  });

  it('reports a reset connection as NETWORK, retryable', async () => {
    server.failNext(1, 'reset');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NETWORK', retryable: true });
  });

  it('reports a refused connection as NETWORK, retryable', async () => {
    const gone = await startFonnteServer();
    await gone.close();
    const offline = createFonnteProvider({ token: TOKEN, baseUrl: gone.url, timeoutMs: 300 });
    expect(expectFailure(await offline.send(message()))).toMatchObject({ code: 'NETWORK', retryable: true });
    expect(await offline.status()).toMatchObject({ state: 'error' });
  });

  it('says whether a failure may have reached Fonnte: not when it answered or the connection never opened, yes when the answer never came', async () => {
    const gone = await startFonnteServer();
    await gone.close();
    const offline = createFonnteProvider({ token: TOKEN, baseUrl: gone.url, timeoutMs: 300 });
    expect(expectFailure(await offline.send(message()))).toMatchObject({ code: 'NETWORK', mayHaveReached: false });

    server.failNext(1, 'reset');
    server.failNext(1, 'timeout');
    server.failNext(1, 'http504');
    server.failNext(1, 'http500');
    server.setQuota(0);
    // Each of these requests was written in full: the server recorded it.
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NETWORK', mayHaveReached: true });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'TIMEOUT', mayHaveReached: true });
    // A gateway that gave up waiting had passed the request on.
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_ERROR', mayHaveReached: true });
    // Fonnte's own answers, error or refusal, say it did not take the message.
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_ERROR', mayHaveReached: false });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_QUOTA', mayHaveReached: false });
    expect(server.received).toHaveLength(5);
  });

  it('keeps the token out of the message even when the provider echoes it', async () => {
    server.failNext(1, { reason: `unexpected header ${TOKEN}` });
    expectFailure(await provider.send(message()));
  });

  it('reads the device profile into a provider status', async () => {
    expect(await provider.status()).toEqual({ state: 'ready', detail: 'Kantor RRNet (6281299990000)', qr: null });

    server.setConnected(false);
    expect(await provider.status()).toEqual({
      state: 'disconnected',
      detail: 'Kantor RRNet (6281299990000)',
      qr: null,
    });

    server.setTokens(['another-token']);
    const refused = await provider.status();
    expect(refused).toMatchObject({ state: 'auth_failure' });
    expect(refused.detail).not.toContain(TOKEN);
  });

  it('counts arrivals per second for rate checks', async () => {
    let now = 1_000_000;
    const timed = await startFonnteServer({ tokens: [TOKEN], now: () => now });
    const sender = createFonnteProvider({ token: TOKEN, baseUrl: timed.url });
    try {
      await sender.send(message());
      await sender.send(message());
      now += 1_000;
      await sender.send(message());
      expect([...timed.perSecond().values()]).toEqual([2, 1]);
    } finally {
      await timed.close();
    }
  });
});

describe('local Fonnte server body formats', () => {
  it('reads multipart and JSON bodies like form-urlencoded ones', async () => {
    const server = await startFonnteServer({ tokens: [TOKEN] });
    try {
      const form = new FormData();
      form.set('target', '081234567890');
      form.set('message', 'multipart');
      const multipart = await fetch(`${server.url}/send`, {
        method: 'POST',
        headers: { Authorization: TOKEN },
        body: form,
      });
      expect(await multipart.json()).toMatchObject({ status: true, target: ['6281234567890'] });

      const json = await fetch(`${server.url}/send`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ target: '6281234567890', message: 'json', countryCode: '62' }),
      });
      expect(await json.json()).toMatchObject({ status: true });
      expect(server.received.map((m) => m.message)).toEqual(['multipart', 'json']);
    } finally {
      await server.close();
    }
  });
});

describe('Fonnte reason map', () => {
  it('maps the documented and observed reasons', () => {
    expect(mapFonnteReason('token invalid')).toEqual({ code: 'INVALID_TOKEN', retryable: false });
    expect(mapFonnteReason('devices must belong to an account')).toEqual({ code: 'INVALID_TOKEN', retryable: false });
    expect(mapFonnteReason('disconnected device')).toEqual({ code: 'DEVICE_DISCONNECTED', retryable: true });
    expect(mapFonnteReason('Insufficient Quota')).toEqual({ code: 'PROVIDER_QUOTA', retryable: false });
    expect(mapFonnteReason('target input invalid')).toEqual({ code: 'INVALID_NUMBER', retryable: false });
    expect(mapFonnteReason('input invalid')).toEqual({ code: 'PROVIDER_ERROR', retryable: false });
    expect(mapFonnteReason('device not connected')).toEqual({ code: 'DEVICE_DISCONNECTED', retryable: true });
    expect(mapFonnteReason('something new')).toEqual({ code: 'PROVIDER_ERROR', retryable: true });
  });
});

describe('dry-run provider', () => {
  it('succeeds with an id derived from the reference and is always ready', async () => {
    const dry = createDryRunProvider();
    expect(await dry.send(message({ reference: '01JH0000' }))).toEqual({ ok: true, providerMessageId: 'dry-01JH0000' });
    expect(await dry.status()).toEqual({ state: 'ready', detail: null, qr: null });
  });
});
