import { RouterError, type RouterApi, type RouterRef, type Row } from '../../../network/index.js';
import type { ExecutorResult, IsolirCustomer, IsolirExecutor } from '../executor.js';
import { executorFailure } from '../executor-failures.js';

/** How a router isolates, chosen per router (the RADIUS method has its own executor). */
export type RouterOsIsolirMethod = 'pppoe-profile' | 'address-list' | 'disable-secret';

/** One router as this executor sees it: its kept API connection and how it isolates. */
export interface RouterOsTarget {
  router: RouterRef;
  method: RouterOsIsolirMethod;
  /** The PPP / hotspot profile that isolates ("isolir" unless the ISP named it otherwise). */
  isolirProfile: string;
}

/** The address list isolated static-IP customers go on; the firewall ("Siapkan router") redirects it. */
export const ISOLIR_LIST = 'isolir';
/** Our entries on a shared address list carry the customer's id, so we only ever remove our own. */
const entryComment = (customerId: string) => `rrnet:${customerId}`;

/** The customer's account menus, by service. */
const MENUS = {
  pppoe: { account: '/ppp/secret', active: '/ppp/active', activeName: 'name' },
  hotspot: { account: '/ip/hotspot/user', active: '/ip/hotspot/active', activeName: 'user' },
} as const;

/**
 * Isolation over the RouterOS API. Every step sets a state rather than toggling one, so a retry
 * after a lost reply (the router applied it, the answer never came) does nothing twice. The live
 * session is removed after the account changes: PPPoE and hotspot apply a new profile, a disabled
 * account or an address list only to the next login or packet, and the customer's modem redials
 * at once into the new state.
 */
export class RouterOsIsolirExecutor implements IsolirExecutor<RouterOsTarget> {
  constructor(private readonly api: RouterApi) {}

  isolate(target: RouterOsTarget, customer: IsolirCustomer): Promise<ExecutorResult> {
    return this.apply(target, customer, target.isolirProfile);
  }

  reconnect(target: RouterOsTarget, customer: IsolirCustomer, packageProfile: string): Promise<ExecutorResult> {
    return this.apply(target, customer, null, packageProfile);
  }

  /** `isolirProfile` set: isolate; else back to `packageProfile`. */
  private async apply(target: RouterOsTarget, customer: IsolirCustomer, isolirProfile: string | null, packageProfile = ''): Promise<ExecutorResult> {
    const isolate = isolirProfile !== null;
    const run = new RouterRun(this.api, target);
    try {
      const menus = MENUS[customer.serviceType];
      const [account] = await this.api.print(target.router, menus.account, { name: customer.username });
      if (!account) return { outcome: 'failed', failure: executorFailure('ACCOUNT_MISSING', `${menus.account} has no "${customer.username}"`) };
      const state = await run.change(customer, account, isolate ? (isolirProfile ?? '') : packageProfile, isolate);
      const kicked = await run.kick(menus.active, menus.activeName, customer.username);
      return { outcome: 'applied', confirmed: `${state}${kicked > 0 ? `; ${kicked} session removed` : ''}` };
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      const failure = executorFailure(error.code, error.detail);
      // The command had left when the line broke: perhaps applied, never counted as done (a retry sets the same state).
      return error.mayHaveApplied ? { outcome: 'unknown', failure: { ...failure, retryable: true } } : { outcome: 'failed', failure };
    }
  }
}

/** One isolation or reconnection on one router: the steps after the account was found. */
class RouterRun {
  private readonly router: RouterRef;

  constructor(
    private readonly api: RouterApi,
    private readonly target: RouterOsTarget,
  ) {
    this.router = target.router;
  }

  /** Sets the account's isolated or normal state; returns what the router has now, for the history. */
  async change(subject: IsolirCustomer, account: Row, profile: string, isolate: boolean): Promise<string> {
    const menu = MENUS[subject.serviceType].account;
    const id = account['.id'] ?? subject.username;
    // A hotspot user has no fixed address to list: on an address-list router it is isolated by profile.
    const method = subject.serviceType === 'hotspot' && this.target.method === 'address-list' ? 'pppoe-profile' : this.target.method;
    if (method === 'disable-secret') {
      if (isolate) await this.api.disable(this.router, menu, id);
      else await this.api.enable(this.router, menu, id);
      return isolate ? 'disabled=yes' : 'disabled=no';
    }
    if (method === 'pppoe-profile') {
      if (account.profile !== profile) await this.api.set(this.router, menu, id, { profile });
      // An account disabled by hand would keep a reconnected customer offline: the console's state wins.
      if (!isolate && account.disabled === 'true') await this.api.enable(this.router, menu, id);
      return `profile=${profile}`;
    }
    return this.addressList(subject, account, isolate);
  }

  /** Static-IP customers: their address on the `isolir` list (ours, marked with their id), or off it. */
  private async addressList(subject: IsolirCustomer, account: Row, isolate: boolean): Promise<string> {
    const menu = '/ip/firewall/address-list';
    const comment = entryComment(subject.id);
    const ours = await this.api.print(this.router, menu, { list: ISOLIR_LIST, comment });
    if (!isolate) {
      for (const entry of ours) await this.api.remove(this.router, menu, entry['.id'] ?? '');
      return `${ISOLIR_LIST} list: removed`;
    }
    const address = await this.addressOf(subject, account);
    if (ours.some((entry) => entry.address === address)) return `${ISOLIR_LIST} list: ${address}`;
    await this.api.add(this.router, menu, { list: ISOLIR_LIST, address, comment });
    return `${ISOLIR_LIST} list: ${address}`;
  }

  /** The secret's fixed remote address, else the address of its live session. */
  private async addressOf(subject: IsolirCustomer, account: Row): Promise<string> {
    const fixed = account['remote-address'];
    if (fixed) return fixed;
    const [session] = await this.api.print(this.router, '/ppp/active', { name: subject.username });
    if (session?.address) return session.address;
    throw new RouterError('COMMAND_FAILED', `no fixed remote-address and no live session for "${subject.username}": its address is unknown`);
  }

  /** Removes the customer's live sessions so the new state takes effect now; returns how many. */
  async kick(menu: string, field: string, username: string): Promise<number> {
    const sessions = await this.api.print(this.router, menu, { [field]: username }, ['.id']);
    for (const session of sessions) {
      try {
        await this.api.remove(this.router, menu, session['.id'] ?? '');
      } catch (error) {
        // Gone already (the modem redialled between the print and the remove): that is what we wanted.
        if (!(error instanceof RouterError && error.code === 'COMMAND_FAILED')) throw error;
      }
    }
    return sessions.length;
  }
}
