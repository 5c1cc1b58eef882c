import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../main/web/index.js';
import { SESSION_ENDED_CLOSE } from '../../shared/contract/events.js';
import { makeTempDir } from '../support/core-fixture.js';
import { customerInput } from '../support/customers.js';

const OWNER_PASSWORD = 'pemilik-web-123';

/** What a screen's event channel saw next: the socket closing (with its code) or another event. */
type Outcome = { closed: number } | { event: string };

interface Screen {
  ws: WebSocket;
  /** Resolves with the first close or event after the call. */
  next(): Promise<Outcome>;
}

describe('an events WebSocket lives only as long as its session', () => {
  let dir: string;
  let server: WebServer;
  let owner: string;
  let packageId: string;
  let customers = 0;

  const api = async (method: string, input: unknown, session: string | null = null): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rrnet-token': server.token, ...(session ? { authorization: `Bearer ${session}` } : {}) },
      body: JSON.stringify(input),
    });
    return { status: response.status, json: await response.json() };
  };
  const login = async (username: string, password: string) => ((await api('auth.login', { username, password })).json as { token: string }).token;
  /** A change every screen of the tenant hears about. */
  const somethingHappens = () => api('customers.create', customerInput(packageId, ++customers), owner);

  const screen = (session: string) =>
    new Promise<Screen>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events?token=${server.token}&session=${session}`);
      const seen: Outcome[] = [];
      const waiting: ((o: Outcome) => void)[] = [];
      const push = (o: Outcome) => {
        const waiter = waiting.shift();
        if (waiter) waiter(o);
        else seen.push(o);
      };
      ws.on('message', (data) => push({ event: (JSON.parse(String(data)) as { event: { name: string } }).event.name }));
      ws.on('close', (code) => push({ closed: code }));
      ws.once('open', () => resolve({ ws, next: () => new Promise((r) => (seen.length ? r(seen.shift()!) : waiting.push(r))) }));
      ws.once('error', reject);
    });

  /** The screen is told its session ended before anything else reaches it. */
  const expectClosedBeforeNextEvent = async (s: Screen) => {
    await somethingHappens();
    expect(await s.next()).toEqual({ closed: SESSION_ENDED_CLOSE });
  };
  const expectStillOpen = async (s: Screen) => {
    await somethingHappens();
    expect(await s.next()).toEqual({ event: 'customer_created' });
    s.ws.close();
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    server = await startWebServer({ dataDir: join(dir, 'data'), port: 0, ownerPassword: OWNER_PASSWORD, staticDir });
    owner = await login('owner', OWNER_PASSWORD);
    packageId = ((await api('packages.create', { name: 'Hemat 10 Mbps', price: 150_000 }, owner)).json as { id: string }).id;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logout closes that screen and leaves the others', async () => {
    const other = await login('owner', OWNER_PASSWORD);
    const [leaving, staying] = await Promise.all([screen(other), screen(owner)]);
    expect((await api('auth.logout', {}, other)).status).toBe(200);
    await expectClosedBeforeNextEvent(leaving);
    await expectStillOpen(staying);
  });

  it("deactivating a user closes that user's screens", async () => {
    const user = (await api('users.create', { username: 'kasir', displayName: 'Kasir', role: 'finance', password: 'kasir-rahasia' }, owner)).json as { id: string };
    const theirs = await screen(await login('kasir', 'kasir-rahasia'));
    expect((await api('users.update', { id: user.id, active: false }, owner)).status).toBe(200);
    await expectClosedBeforeNextEvent(theirs);
    await api('users.update', { id: user.id, active: true }, owner);
  });

  it("the owner setting a user's password closes that user's screens", async () => {
    const theirs = await screen(await login('kasir', 'kasir-rahasia'));
    const id = ((await api('users.list', {}, owner)).json as { id: string; username: string }[]).find((u) => u.username === 'kasir')!.id;
    expect((await api('users.update', { id, password: 'kasir-baru-123' }, owner)).status).toBe(200);
    await expectClosedBeforeNextEvent(theirs);
  });

  it('changing my password closes my other screens, not this one', async () => {
    const elsewhere = await login('owner', OWNER_PASSWORD);
    const [other, mine] = await Promise.all([screen(elsewhere), screen(owner)]);
    expect((await api('auth.changePassword', { currentPassword: OWNER_PASSWORD, newPassword: 'pemilik-baru-456' }, owner)).status).toBe(200);
    await expectClosedBeforeNextEvent(other);
    await expectStillOpen(mine);
  });
});
