import { RouterError, type RouterApi, type RouterRef } from '../../../network/index.js';
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
const ADDRESS_LIST = '/ip/firewall/address-list';

/** The customer's account menus, by service. */
const MENUS = {
  pppoe: { account: '/ppp/secret', active: '/ppp/active', activeName: 'name' },
  hotspot: { account: '/ip/hotspot/user', active: '/ip/hotspot/active', activeName: 'user' },
} as const;

/** RouterOS's words when a command names an item it does not have. */
const NO_SUCH_ITEM = /no such item/i;

/**
 * Isolation over the RouterOS API. Every step sets a state rather than toggling one, so a retry
 * after a lost reply (the router applied it, the answer never came) changes nothing more. The
 * live session is removed after the account changed: PPPoE and hotspot apply a profile, a disabled
 * account or an address list only from the next login, and the customer's modem redials at once
 * into the new state. The account is changed by its name while its session is looked up, so an
 * isolation costs two round trips to the router, not four (a router across town answers in 20 ms).
 */
export class RouterOsIsolirExecutor implements IsolirExecutor<RouterOsTarget> {
  constructor(private readonly api: RouterApi) {}

  isolate(target: RouterOsTarget, customer: IsolirCustomer): Promise<ExecutorResult> {
    return this.apply(target, customer, { isolate: true, profile: target.isolirProfile });
  }

  reconnect(target: RouterOsTarget, customer: IsolirCustomer, packageProfile: string): Promise<ExecutorResult> {
    return this.apply(target, customer, { isolate: false, profile: packageProfile });
  }

  private async apply(target: RouterOsTarget, customer: IsolirCustomer, to: { isolate: boolean; profile: string }): Promise<ExecutorResult> {
    const menus = MENUS[customer.serviceType];
    const router = target.router;
    try {
      const [state, sessions] = await Promise.all([
        this.change(target, customer, to),
        this.api.print(router, menus.active, { [menus.activeName]: customer.username }, ['.id']),
      ]);
      await Promise.all(sessions.map((session) => this.kick(router, menus.active, session['.id'] ?? '')));
      return { outcome: 'applied', confirmed: `${state}${sessions.length > 0 ? `; ${sessions.length} session removed` : ''}` };
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      if (error.code === 'COMMAND_FAILED' && NO_SUCH_ITEM.test(error.detail)) {
        return { outcome: 'failed', failure: executorFailure('ACCOUNT_MISSING', `${menus.account} has no "${customer.username}"`) };
      }
      const failure = executorFailure(error.code, error.detail);
      // The command had left when the line broke: perhaps applied, never counted as done (a retry sets the same state).
      return error.mayHaveApplied ? { outcome: 'unknown', failure: { ...failure, retryable: true } } : { outcome: 'failed', failure };
    }
  }

  /** Sets the account's isolated or normal state by its name; returns what the router has now, for the history. */
  private async change(target: RouterOsTarget, customer: IsolirCustomer, to: { isolate: boolean; profile: string }): Promise<string> {
    const { router } = target;
    const menu = MENUS[customer.serviceType].account;
    // A hotspot user has no fixed address to list: on an address-list router it is isolated by profile.
    const method = customer.serviceType === 'hotspot' && target.method === 'address-list' ? 'pppoe-profile' : target.method;
    if (method === 'disable-secret') {
      await (to.isolate ? this.api.disable(router, menu, customer.username) : this.api.enable(router, menu, customer.username));
      return to.isolate ? 'disabled=yes' : 'disabled=no';
    }
    if (method === 'pppoe-profile') {
      await Promise.all([
        this.api.set(router, menu, customer.username, { profile: to.profile }),
        // An account disabled by hand would keep a reconnected customer offline: the console's state wins.
        ...(to.isolate ? [] : [this.api.enable(router, menu, customer.username)]),
      ]);
      return `profile=${to.profile}`;
    }
    return this.addressList(router, customer, to.isolate);
  }

  /** Static-IP customers: their address on the `isolir` list (ours, marked with their id), or off it. */
  private async addressList(router: RouterRef, customer: IsolirCustomer, isolate: boolean): Promise<string> {
    const comment = entryComment(customer.id);
    const ours = await this.api.print(router, ADDRESS_LIST, { list: ISOLIR_LIST, comment });
    if (!isolate) {
      await Promise.all(ours.map((entry) => this.api.remove(router, ADDRESS_LIST, entry['.id'] ?? '')));
      return `${ISOLIR_LIST} list: removed`;
    }
    const address = await this.addressOf(router, customer);
    if (!ours.some((entry) => entry.address === address)) await this.api.add(router, ADDRESS_LIST, { list: ISOLIR_LIST, address, comment });
    return `${ISOLIR_LIST} list: ${address}`;
  }

  /** The secret's fixed remote address, else the address of its live session. */
  private async addressOf(router: RouterRef, customer: IsolirCustomer): Promise<string> {
    const [secret] = await this.api.print(router, '/ppp/secret', { name: customer.username }, ['remote-address']);
    if (!secret) throw new RouterError('COMMAND_FAILED', `no such item: /ppp/secret "${customer.username}"`);
    if (secret['remote-address']) return secret['remote-address'];
    const [session] = await this.api.print(router, '/ppp/active', { name: customer.username }, ['address']);
    if (session?.address) return session.address;
    throw new RouterError('COMMAND_FAILED', `no fixed remote-address and no live session for "${customer.username}": its address is unknown`);
  }

  /** Removes one live session so the new state takes effect now. */
  private async kick(router: RouterRef, menu: string, id: string): Promise<void> {
    try {
      await this.api.remove(router, menu, id);
    } catch (error) {
      // Gone already (the modem redialled between the print and the remove): that is what we wanted.
      if (!(error instanceof RouterError && error.code === 'COMMAND_FAILED')) throw error;
    }
  }
}
