import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../preload/bridge.js';
import { METHOD_NAMES } from '../../shared/contract/index.js';
import type { CallMeta } from '../../shared/contract/client.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { IPC_EVENT_CHANNEL, type IpcCallRequest } from '../../shared/contract/ipc.js';

/** Stands in for Electron's ipcRenderer: records invokes, answers with a canned value. */
class FakeIpc extends EventEmitter implements IpcRendererLike {
  readonly invoked: { channel: string; request: IpcCallRequest }[] = [];
  answer: () => Promise<unknown> = async () => ({ ok: true, data: { items: [] } });

  invoke(channel: string, request: IpcCallRequest): Promise<unknown> {
    this.invoked.push({ channel, request });
    return this.answer();
  }
}

const meta: CallMeta = { session: 'session-token', locale: 'id' };
const event: DomainEvent = { name: 'customer_created', tenantId: 't1', payload: { customerId: 'c1' }, seq: 7, at: '2026-01-01T00:00:00.000Z' };

describe('preload bridge', () => {
  it('exposes the Transport and nothing else', () => {
    expect(Object.keys(createBridge(new FakeIpc())).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards a contract call on the rrnet:<method> channel with its input and meta', async () => {
    const ipc = new FakeIpc();
    const result = await createBridge(ipc).invoke('customers.list', { query: 'budi' }, meta);

    expect(result).toEqual({ ok: true, data: { items: [] } });
    expect(ipc.invoked).toEqual([{ channel: 'rrnet:customers.list', request: { input: { query: 'budi' }, meta } }]);
  });

  it('has a channel for every contract method', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const method of METHOD_NAMES) await bridge.invoke(method, {}, meta);
    expect(ipc.invoked.map((call) => call.channel)).toEqual(METHOD_NAMES.map((method) => `rrnet:${method}`));
  });

  it.each(['fs.readFile', 'rrnet:event', 'event', '__proto__', 'toString', 'customers.list '])(
    'refuses %j without crossing IPC',
    async (method) => {
      const ipc = new FakeIpc();
      const result = await createBridge(ipc).invoke(method, {}, { session: null, locale: 'en' });

      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(result.ok ? '' : result.error.message).toContain('Unknown command');
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('turns a failed IPC round trip into an INTERNAL error value', async () => {
    const ipc = new FakeIpc();
    ipc.answer = () => Promise.reject(new Error('No handler registered'));

    const result = await createBridge(ipc).invoke('auth.me', {}, meta);

    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers pushed events without the IPC event object, until unsubscribed', () => {
    const ipc = new FakeIpc();
    const received: unknown[][] = [];
    const unsubscribe = createBridge(ipc).subscribe((...args) => received.push(args));

    ipc.emit(IPC_EVENT_CHANNEL, { sender: 'the IPC event, which must stay in the preload' }, event);
    unsubscribe();
    ipc.emit(IPC_EVENT_CHANNEL, {}, event);

    expect(received).toEqual([[event]]);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
