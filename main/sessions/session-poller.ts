import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, Logger } from '../platform/index.js';
import { RouterError, type RouterApi, type RoutersService } from '../network/index.js';
import type { CustomersService } from '../customers/index.js';

/** A session as last polled: `since` is the poll's time less the router's uptime, so it does not drift. */
export interface PolledSession {
  kind: 'pppoe' | 'hotspot';
  name: string;
  customerId: string | null;
  customerName: string | null;
  address: string | null;
  callerId: string | null;
  since: number;
}

/** What the console knows of one router's sessions; kept in memory (a restart polls again). */
export interface RouterSessionState {
  sessions: PolledSession[];
  /** Epoch ms of the last poll the router answered; null: none since start. */
  checkedAt: number | null;
  /** Epoch ms of the last try, answered or not. */
  triedAt: number;
  problem: { code: RouterError['code']; detail?: string } | null;
}

export type SessionRouters = Pick<RoutersService, 'list' | 'target' | 'exists'>;
export type SessionCustomers = Pick<CustomersService, 'loginsOnRouter' | 'find'>;

const key = (tenantId: string, routerId: string) => `${tenantId}/${routerId}`;

/**
 * Polls each router's `/ppp/active` and `/ip/hotspot/active` (one print each, with `.proplist`)
 * and keeps the latest set per router. A customer whose session appears or disappears between two
 * answered polls gets `customer_online` / `customer_offline` (matched by router and username). The
 * first answered poll of a router after start only learns who is online: the sessions that began
 * while the console was closed are not news, and a restart must not send a burst of events. A
 * router that does not answer keeps its last list, marked not live; nobody goes offline for it,
 * and the next answer is compared with what it said last.
 */
export class SessionPoller {
  private readonly states = new Map<string, RouterSessionState>();
  private readonly running = new Map<string, Promise<RouterSessionState>>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly routers: SessionRouters,
    private readonly api: RouterApi,
    private readonly customers: SessionCustomers,
  ) {}

  state(tenantId: string, routerId: string): RouterSessionState | null {
    return this.states.get(key(tenantId, routerId)) ?? null;
  }

  /** Every router of these tenants, at once (a tenant has a handful; the pool bounds each one). */
  async pollAll(tenantIds: readonly string[]): Promise<void> {
    const polls: Promise<unknown>[] = [];
    const known = new Set<string>();
    for (const tenantId of tenantIds) {
      for (const router of this.routers.list(tenantId)) {
        known.add(key(tenantId, router.id));
        polls.push(this.poll(tenantId, router.id));
      }
    }
    // A removed router's sessions are nobody's now.
    for (const k of this.states.keys()) if (!known.has(k)) this.states.delete(k);
    await Promise.all(polls);
  }

  /** One router now; a poll already running for it is shared rather than doubled. */
  poll(tenantId: string, routerId: string): Promise<RouterSessionState> {
    const k = key(tenantId, routerId);
    const running = this.running.get(k);
    if (running) return running;
    const poll = this.pollOnce(tenantId, routerId).finally(() => this.running.delete(k));
    this.running.set(k, poll);
    return poll;
  }

  private async pollOnce(tenantId: string, routerId: string): Promise<RouterSessionState> {
    const k = key(tenantId, routerId);
    const before = this.states.get(k) ?? null;
    const triedAt = this.clock.now();
    let active: Awaited<ReturnType<RouterApi['activeSessions']>>;
    try {
      active = await this.api.activeSessions({ id: routerId, ...this.routers.target(tenantId, routerId) });
    } catch (error) {
      if (!(error instanceof RouterError)) this.log.warn('sessions poll failed', { routerId, error: String(error) });
      const problem = error instanceof RouterError ? { code: error.code, detail: error.detail } : { code: 'COMMAND_FAILED' as const };
      const state = { sessions: before?.sessions ?? [], checkedAt: before?.checkedAt ?? null, triedAt, problem };
      this.states.set(k, state);
      if (before?.problem?.code !== problem.code) this.bus.announce('sessions_changed', tenantId, { routerId });
      return state;
    }
    const logins = this.customers.loginsOnRouter(tenantId, routerId);
    const now = this.clock.now();
    const sessions = active.map((s): PolledSession => {
      const customer = logins.get(s.name.toLowerCase()) ?? null;
      return {
        kind: s.kind,
        name: s.name,
        customerId: customer?.id ?? null,
        customerName: customer?.name ?? null,
        address: s.address,
        callerId: s.callerId,
        since: now - s.uptimeSeconds * 1000,
      };
    });
    const state: RouterSessionState = { sessions, checkedAt: now, triedAt, problem: null };
    this.states.set(k, state);
    if (before !== null && before.checkedAt !== null) this.publishChanges(tenantId, routerId, before.sessions, sessions);
    if (before === null || before.problem !== null || !sameList(before.sessions, sessions)) this.bus.announce('sessions_changed', tenantId, { routerId });
    return state;
  }

  private publishChanges(tenantId: string, routerId: string, before: readonly PolledSession[], after: readonly PolledSession[]): void {
    const wasOnline = customersOf(before);
    const isOnline = customersOf(after);
    const came = [...isOnline].filter((id) => !wasOnline.has(id));
    const left = [...wasOnline].filter((id) => !isOnline.has(id));
    if (came.length === 0 && left.length === 0) return;
    this.db.transaction(() => {
      for (const customerId of came) this.bus.publish('customer_online', tenantId, { customerId, routerId });
      for (const customerId of left) this.bus.publish('customer_offline', tenantId, { customerId, routerId });
    })();
  }
}

const customersOf = (sessions: readonly PolledSession[]): Set<string> =>
  new Set(sessions.flatMap((s) => (s.customerId === null ? [] : [s.customerId])));

/** The same people at the same addresses: a list that only aged is not news for the screens. */
const sameList = (a: readonly PolledSession[], b: readonly PolledSession[]): boolean => {
  const id = (s: PolledSession) => `${s.kind}:${s.name}:${s.address ?? ''}:${s.customerId ?? ''}`;
  const left = a.map(id).sort().join('|');
  return left === b.map(id).sort().join('|');
};
