import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clientOptions,
  createWwebjsProvider,
  deliveryStatusOf,
  findBrowser,
  sessionDir,
  WWEBJS_DETAIL,
  type WwebjsProvider,
  type WwebjsProviderOptions,
  type WwebjsStatus,
} from '../../main/wa/providers/wwebjs/index.js';
import type { DeliveryStatus } from '../../main/wa/providers/provider.js';
import { expectFailure, outgoing, TEST_TO } from '../support/outgoing.js';
import { createFakeWweb, TARGET_CLOSED, type FakeWweb } from '../support/fake-wweb-client.js';

const TENANT = '01JAZ3K8Q4W5E6R7T8Y9V0H1MP';
const TO = TEST_TO;
const CHAT = '6281234567890@c.us';
const NOW = Date.UTC(2025, 0, 15, 3, 0, 0);

const message = outgoing;

/** Polls, never times: the watchdog's clocks are tiny here, the assertions wait for outcomes. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 });

describe('whatsapp-web.js provider with a fake WhatsApp Web client', () => {
  let dataDir: string;
  let wweb: FakeWweb;
  let provider: WwebjsProvider;
  let states: WwebjsStatus[];

  function createProvider(overrides: Partial<WwebjsProviderOptions> = {}) {
    provider = createWwebjsProvider({
      tenantId: TENANT,
      dataDir,
      clientFactory: wweb.factory,
      findBrowser: () => ({ ok: true, path: '/usr/bin/chromium', source: 'detected' }),
      clock: { now: () => NOW },
      callTimeoutMs: 100,
      watchdog: { readyTimeoutMs: 30, startTimeoutMs: 60_000, stateCheckMs: 10, restartBackoff: { baseMs: 5, maxMs: 20 } },
      ...overrides,
    });
    provider.onState((status) => states.push(status));
    return provider;
  }

  async function readyProvider() {
    createProvider();
    await provider.start();
    wweb.latest().scan();
    expect((await provider.status()).state).toBe('ready');
  }

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'rrnet-wwebjs-'));
    wweb = createFakeWweb();
    states = [];
  });

  afterEach(async () => {
    await provider?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows each QR live, replacing the last, then becomes ready when the phone scans it', async () => {
    createProvider();
    await provider.start();
    expect(await provider.status()).toMatchObject({ state: 'starting', qr: null });

    const client = wweb.latest();
    expect(client.initializeCalls).toBe(1);
    client.emitQr('2@first-qr');
    expect(await provider.status()).toMatchObject({ state: 'qr', qr: '2@first-qr' });
    client.emitQr('2@second-qr');
    expect(await provider.status()).toMatchObject({ state: 'qr', qr: '2@second-qr' });

    client.scan();
    const status = await provider.status();
    expect(status).toMatchObject({ state: 'ready', qr: null, detail: 'Kantor RRNet (+6281299990000)', problem: null });
    expect(status.changedAt).toBe(new Date(NOW).toISOString());
    expect(states.map((s) => [s.state, s.qr])).toEqual([
      ['starting', null],
      ['qr', '2@first-qr'],
      ['qr', '2@second-qr'],
      ['authenticated', null],
      ['ready', null],
    ]);
  });

  it('gives LocalAuth an absolute folder under the data folder, named by the tenant', async () => {
    createProvider();
    await provider.start();
    const { params } = wweb.latest();
    expect(params).toEqual({ clientId: TENANT, dataPath: path.join(dataDir, 'wwebjs'), executablePath: '/usr/bin/chromium' });

    const options = clientOptions(params, false);
    expect(path.isAbsolute(options.localAuth.dataPath)).toBe(true);
    expect(options.localAuth).toEqual({ clientId: TENANT, dataPath: path.join(dataDir, 'wwebjs') });
    expect(sessionDir(params)).toBe(path.join(dataDir, 'wwebjs', `session-${TENANT}`));
  });

  it('sends to the id WhatsApp gives for the number and returns the message id', async () => {
    await readyProvider();
    const result = await provider.send(message());

    const [sent] = wweb.latest().sent;
    expect(sent).toMatchObject({ chatId: CHAT, content: message().text });
    expect(result).toEqual({ ok: true, providerMessageId: sent?.message.id._serialized });
    expect(result.ok && result.providerMessageId).toMatch(/^true_6281234567890@c\.us_/);
  });

  it('refuses a number without WhatsApp as NOT_ON_WHATSAPP, not retryable, sending nothing', async () => {
    await readyProvider();
    wweb.latest().setRegistered(TO, false);

    const failure = expectFailure(await provider.send(message()));
    expect(failure).toMatchObject({ code: 'NOT_ON_WHATSAPP', retryable: false });
    expect(wweb.latest().sent).toEqual([]);
  });

  it('refuses a malformed number as INVALID_NUMBER without asking WhatsApp', async () => {
    await readyProvider();
    expect(expectFailure(await provider.send(message({ to: '12' })))).toMatchObject({ code: 'INVALID_NUMBER', retryable: false });
  });

  it('reports delivery progress through onAck: sent, delivered, read', async () => {
    await readyProvider();
    const acks: Array<[string, DeliveryStatus]> = [];
    provider.onAck((id, status) => acks.push([id, status]));
    const result = await provider.send(message());
    if (!result.ok || !result.providerMessageId) throw new Error('send failed');
    const id = result.providerMessageId;

    const client = wweb.latest();
    client.ack(id, 0);
    client.ack(id, 1);
    client.ack(id, 2);
    client.ack(id, 3);

    expect(acks).toEqual([
      [id, 'sent'],
      [id, 'delivered'],
      [id, 'read'],
    ]);
  });

  it('maps every whatsapp-web.js MessageAck value', () => {
    expect([-1, 0, 1, 2, 3, 4].map(deliveryStatusOf)).toEqual(['failed', null, 'sent', 'delivered', 'read', 'read']);
  });

  it('refuses to send before ready with NOT_READY, retryable', async () => {
    createProvider();
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY', retryable: true });

    await provider.start();
    wweb.latest().emitQr('2@qr');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY', retryable: true });
    wweb.latest().scan({ ready: false });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY', retryable: true });
  });

  it('answers a send on a dead page with NETWORK, starts a new browser, and sends again once ready', async () => {
    await readyProvider();
    const first = wweb.latest();
    first.failNextSend('Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.');

    const failure = expectFailure(await provider.send(message()));
    expect(failure).toMatchObject({ code: 'NETWORK', retryable: true });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY' });

    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(first.destroyed).toBe(true);
    const second = wweb.latest();
    await eventually(() => expect(second.initializeCalls).toBe(1));
    second.scan();

    const result = await provider.send(message());
    expect(result.ok).toBe(true);
    expect(second.sent).toHaveLength(1);
  });

  it.each([
    'Attempted to use detached Frame \'A1B2\'.',
    'Execution context was destroyed, most likely because of a navigation.',
    TARGET_CLOSED,
  ])('treats "%s" as a dead page', async (error) => {
    await readyProvider();
    wweb.latest().failNextSend(error);
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NETWORK', retryable: true });
    await eventually(() => expect(wweb.clients).toHaveLength(2));
  });

  it('answers a send that never settles with TIMEOUT, retryable', async () => {
    await readyProvider();
    wweb.latest().hangNextSend();
    const failure = expectFailure(await provider.send(message()));
    expect(failure).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect((await provider.status()).state).toBe('ready');
  });

  it('says whether a failed send may have reached WhatsApp: not when the number check hung, yes when sendMessage did', async () => {
    await readyProvider();
    const client = wweb.latest();
    client.hangNextNumberCheck();
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'TIMEOUT', retryable: true, mayHaveReached: false });
    expect(client.sent).toHaveLength(0);

    client.hangNextSend();
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'TIMEOUT', mayHaveReached: true });
    // An error the page threw back is an answer: nothing went.
    client.failNextSend('Evaluation failed: Error: something odd');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_ERROR', mayHaveReached: false });
    // The page died under sendMessage: it may have handed the message over first.
    client.failNextSend(TARGET_CLOSED);
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NETWORK', mayHaveReached: true });
  });

  it('answers any other send error with PROVIDER_ERROR, retryable, keeping the session', async () => {
    await readyProvider();
    wweb.latest().failNextSend('Evaluation failed: Error: something odd');
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true });
    expect(wweb.clients).toHaveLength(1);
    expect((await provider.send(message())).ok).toBe(true);
  });

  it('starts a new browser when ready never follows authenticated', async () => {
    createProvider();
    await provider.start();
    const first = wweb.latest();
    first.scan({ ready: false });
    expect((await provider.status()).state).toBe('authenticated');

    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(first.destroyed).toBe(true);
    expect(states.map((s) => s.detail)).toContain(WWEBJS_DETAIL.readyTimeout);

    wweb.latest().scan();
    expect((await provider.status()).state).toBe('ready');
  });

  it('starts a new browser when WhatsApp Web shows neither a QR nor a session', async () => {
    createProvider({ watchdog: { startTimeoutMs: 30, restartBackoff: { baseMs: 5, maxMs: 20 } } });
    await provider.start();
    const first = wweb.latest();

    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(first.destroyed).toBe(true);
    expect(states.map((s) => s.detail)).toContain(WWEBJS_DETAIL.startTimeout);
  });

  it('lets a QR wait for the person who scans it, however long the watchdogs are', async () => {
    createProvider({ watchdog: { startTimeoutMs: 30, readyTimeoutMs: 30, stateCheckMs: 10 } });
    await provider.start();
    wweb.latest().emitQr('2@qr');
    // Several watchdog periods pass; the outcome (no new client) is checked, not the time.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(wweb.clients).toHaveLength(1);
    expect((await provider.status()).qr).toBe('2@qr');
  });

  it('re-initialises after a disconnect, after a backoff', async () => {
    await readyProvider();
    const first = wweb.latest();
    first.disconnect('CONFLICT');
    expect(await provider.status()).toMatchObject({ state: 'disconnected', detail: 'CONFLICT' });

    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(first.destroyed).toBe(true);
    await eventually(() => expect(wweb.latest().initializeCalls).toBe(1));
    wweb.latest().scan();
    expect((await provider.status()).state).toBe('ready');
  });

  it('shows a fresh QR on the same client when the phone unlinks the device (LOGOUT)', async () => {
    await readyProvider();
    const client = wweb.latest();
    client.disconnect('LOGOUT');
    expect(await provider.status()).toMatchObject({ state: 'qr', qr: null, detail: 'LOGOUT' });

    client.emitQr('2@after-logout');
    expect(await provider.status()).toMatchObject({ state: 'qr', qr: '2@after-logout' });
    expect(wweb.clients).toHaveLength(1);
    expect(client.destroyed).toBe(false);
  });

  it('shows auth_failure with the library reason and refuses to send', async () => {
    createProvider();
    await provider.start();
    wweb.latest().failAuth('Unable to restore session');
    expect(await provider.status()).toMatchObject({ state: 'auth_failure', detail: 'Unable to restore session' });
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY' });

    // start() is the "try again" button: it begins afresh from a failure.
    await provider.start();
    expect(wweb.clients).toHaveLength(2);
    expect(wweb.clients[0]?.destroyed).toBe(true);
  });

  it('re-initialises when the socket is not CONNECTED on two checks in a row', async () => {
    await readyProvider();
    wweb.latest().setWaState('TIMEOUT');
    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(states.map((s) => s.detail)).toContain(WWEBJS_DETAIL.notConnected);
  });

  it('re-initialises when the state check finds the page crashed', async () => {
    await readyProvider();
    wweb.latest().crashPage();
    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(states.map((s) => s.detail)).toContain(WWEBJS_DETAIL.pageDied);
  });

  it('shows a browser launch failure as error and tries again', async () => {
    wweb.failNextInitialize('Failed to launch the browser process! libnss3.so: cannot open shared object file');
    createProvider();
    await provider.start();
    await eventually(() => expect(wweb.clients).toHaveLength(2));
    expect(states.find((s) => s.state === 'error')?.detail).toContain('Failed to launch the browser process');
    wweb.latest().emitQr('2@qr');
    expect((await provider.status()).state).toBe('qr');
  });

  it('shows a missing browser as error with what to install, without starting a client', async () => {
    createProvider({
      findBrowser: (configuredPath) => findBrowser({ configuredPath, platform: 'linux', env: { PATH: '/usr/bin' }, exists: () => false }),
    });
    await provider.start();

    const status = await provider.status();
    expect(status).toMatchObject({ state: 'error', detail: 'BROWSER_NOT_FOUND', qr: null });
    expect(status.problem).toMatchObject({ ok: false, code: 'BROWSER_NOT_FOUND', messageKey: 'waWwebjs.browserNotFound' });
    expect(status.problem?.tried).toContain('/usr/bin/google-chrome');
    expect(wweb.clients).toHaveLength(0);
    expect(expectFailure(await provider.send(message()))).toMatchObject({ code: 'NOT_READY' });
  });

  it('stop() closes the browser and cancels the watchdogs', async () => {
    createProvider();
    await provider.start();
    const client = wweb.latest();
    client.scan({ ready: false });
    await provider.stop();

    expect(client.destroyed).toBe(true);
    expect(await provider.status()).toMatchObject({ state: 'stopped' });
    // Events of a stopped client change nothing.
    client.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wweb.clients).toHaveLength(1);
    expect((await provider.status()).state).toBe('stopped');
  });

  it('logout() unlinks the device, deletes the stored session and shows a fresh QR', async () => {
    await readyProvider();
    const first = wweb.latest();
    const session = sessionDir(first.params);
    mkdirSync(session, { recursive: true });
    writeFileSync(path.join(session, 'Local State'), '{}');

    await provider.logout();

    expect(first.loggedOut).toBe(true);
    expect(first.destroyed).toBe(true);
    expect(existsSync(session)).toBe(false);
    expect(wweb.clients).toHaveLength(2);
    wweb.latest().emitQr('2@new-phone');
    expect(await provider.status()).toMatchObject({ state: 'qr', qr: '2@new-phone' });
  });

  it('ignores acks and events from a client it has replaced', async () => {
    await readyProvider();
    const acks: string[] = [];
    provider.onAck((id) => acks.push(id));
    const first = wweb.latest();
    first.disconnect('UNPAIRED');
    await eventually(() => expect(wweb.clients).toHaveLength(2));

    first.ack('true_x@c.us_OLD', 3);
    first.emitQr('2@stale');
    expect(acks).toEqual([]);
    expect((await provider.status()).qr).toBeNull();
  });
});
