import { notFound, type Clock } from '../platform/index.js';
import { translate } from '../../shared/i18n/index.js';
import type { Locale } from '../../shared/domain/user.js';
import type { CustomerSession, LiveSession, RouterSessions } from '../../shared/domain/sessions.js';
import type { PolledSession, RouterSessionState, SessionCustomers, SessionPoller, SessionRouters } from './session-poller.js';

/**
 * A screen asking about a router whose list is older than this polls it first: the list opened is
 * the router's now, not up to a poll interval old.
 */
const FRESH_MS = 10_000;
/** An answer older than this is not shown as live, even if nothing failed (the poll timer stopped). */
const LIVE_MS = 90_000;

/** The sessions contract: one router's list, one customer's state, both never stale as if live. */
export class SessionViews {
  constructor(
    private readonly poller: SessionPoller,
    private readonly routers: SessionRouters,
    private readonly customers: SessionCustomers,
    private readonly clock: Clock,
  ) {}

  async router(tenantId: string, routerId: string, locale: Locale): Promise<RouterSessions> {
    if (!this.routers.exists(tenantId, routerId)) throw notFound();
    const state = await this.fresh(tenantId, routerId);
    const live = this.isLive(state);
    return {
      routerId,
      live,
      checkedAt: at(state.checkedAt),
      problem: this.problem(state, locale),
      sessions: state.sessions.map((s) => this.shown(s, this.upTo(state, live))).sort((a, b) => (a.customerName ?? a.name).localeCompare(b.customerName ?? b.name)),
    };
  }

  async customer(tenantId: string, customerId: string, locale: Locale): Promise<CustomerSession> {
    const customer = this.customers.find(tenantId, customerId);
    if (!customer) throw notFound();
    if (customer.routerId === null) return { state: 'noRouter', routerId: null, checkedAt: null, problem: null, session: null };
    const state = await this.fresh(tenantId, customer.routerId);
    const live = this.isLive(state);
    const session = state.sessions.find((s) => s.customerId === customerId) ?? null;
    return {
      state: !live ? 'unknown' : session ? 'online' : 'offline',
      routerId: customer.routerId,
      checkedAt: at(state.checkedAt),
      problem: this.problem(state, locale),
      session: session === null ? null : this.shown(session, this.upTo(state, live)),
    };
  }

  private async fresh(tenantId: string, routerId: string): Promise<RouterSessionState> {
    const known = this.poller.state(tenantId, routerId);
    if (known !== null && this.clock.now() - known.triedAt < FRESH_MS) return known;
    return this.poller.poll(tenantId, routerId);
  }

  private isLive(state: RouterSessionState): boolean {
    return state.problem === null && state.checkedAt !== null && this.clock.now() - state.checkedAt < LIVE_MS;
  }

  private problem(state: RouterSessionState, locale: Locale): RouterSessions['problem'] {
    if (state.problem === null) return null;
    return { code: state.problem.code, message: translate(locale, `routeros.${state.problem.code}`, { detail: state.problem.detail ?? '' }) };
  }

  /** Uptime is counted to now while the router answers; to its last answer when it does not (what was known then). */
  private upTo(state: RouterSessionState, live: boolean): number {
    return live ? this.clock.now() : (state.checkedAt ?? this.clock.now());
  }

  private shown(s: PolledSession, upTo: number): LiveSession {
    return {
      kind: s.kind,
      name: s.name,
      customerId: s.customerId,
      customerName: s.customerName,
      address: s.address,
      callerId: s.callerId,
      since: new Date(s.since).toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((upTo - s.since) / 1000)),
    };
  }
}

const at = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
