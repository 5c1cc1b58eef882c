import type { ExecutorResult, IsolirCustomer, IsolirExecutor } from '../executor.js';
import { executorFailure } from '../executor-failures.js';
import { DisconnectClient, type DisconnectTiming, type NasAddress } from './disconnect-client.js';
import type { OpenSession, RadiusStore } from './radius-store.js';

/** A router whose customers FreeRADIUS authenticates: where it takes Disconnect-Requests, and its isolir group. */
export interface RadiusTarget {
  nas: NasAddress;
  /** The group whose `radgroupreply` rows give the isolir pool, address list and rate limit. */
  isolirGroup: string;
}

/**
 * Isolir through FreeRADIUS: the customer's group decides what their next login gets, and an
 * RFC 5176 Disconnect-Request ends the running session so the next login happens now. A CoA is
 * not enough: RouterOS cannot change a live session's pool or address list.
 *
 * Applied means the router confirmed the session ended (or had none to end) after the group was
 * set. A second run sets nothing new, and still ends a session it finds open: the first run's
 * Disconnect may have gone unanswered, and a session that began after the change already has the
 * new group's attributes, so ending it again changes nothing for the customer.
 */
export class RadiusExecutor implements IsolirExecutor<RadiusTarget> {
  private readonly disconnects: DisconnectClient;

  constructor(
    private readonly store: RadiusStore,
    timing: DisconnectTiming = { timeoutMs: 3000, retries: 2 },
  ) {
    this.disconnects = new DisconnectClient(timing);
  }

  isolate(target: RadiusTarget, customer: IsolirCustomer): Promise<ExecutorResult> {
    return this.moveAndEndSession(target, customer, target.isolirGroup);
  }

  reconnect(target: RadiusTarget, customer: IsolirCustomer, packageGroup: string): Promise<ExecutorResult> {
    return this.moveAndEndSession(target, customer, packageGroup);
  }

  private async moveAndEndSession(target: RadiusTarget, customer: IsolirCustomer, group: string): Promise<ExecutorResult> {
    let changed: boolean;
    let session: OpenSession | null;
    try {
      if (!(await this.store.hasGroup(group))) {
        return { outcome: 'failed', failure: executorFailure('RADIUS_GROUP_MISSING', `group ${group} has no radgroupreply rows`) };
      }
      ({ changed } = await this.store.setGroup(customer.username, group));
      session = await this.store.openSession(customer.username);
    } catch (error) {
      return { outcome: 'failed', failure: executorFailure('RADIUS_DB_UNAVAILABLE', (error as Error).message) };
    }
    const moved = changed ? `${customer.username} moved to group ${group}` : `${customer.username} already in group ${group}`;
    if (session === null) return { outcome: 'applied', confirmed: `${moved}; no open session to end` };
    const ended = await this.disconnects.disconnect(target.nas, {
      username: customer.username,
      acctSessionId: session.acctSessionId,
      framedIp: session.framedIp,
    });
    if (ended.outcome !== 'applied') {
      // The group is set already; only the running session lags. The detail says so for the history.
      return { ...ended, failure: { ...ended.failure, detail: `${moved}; ${ended.failure.detail}` } };
    }
    return { outcome: 'applied', confirmed: `${moved}; ${ended.confirmed}` };
  }
}
