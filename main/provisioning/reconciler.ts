import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { CustomerLock, IsolirIntents } from '../isolir/index.js';
import { RouterError, type RouterApi, type RoutersService, type Row } from '../network/index.js';
import type { SecretBox } from '../secrets/index.js';
import { notFound } from '../platform/index.js';
import type { ReconcileResult } from '../../shared/domain/provisioning.js';
import { ACCOUNT_FIELDS, accountChanges, PasswordMissing, type AccountSync } from './account-sync.js';
import type { AccountTargets } from './account-targets.js';
import { ACCOUNT_MENUS, desiredAccount, type AccountKind } from './desired-account.js';
import type { DriftStore } from './drift-store.js';
import type { StateStore } from './state-store.js';

export const PROVISIONING_RECONCILE_JOB = 'provisioning.reconcile';

export interface ReconcilerDeps {
  db: Db;
  api: RouterApi;
  routers: RoutersService;
  customers: CustomersService;
  targets: AccountTargets;
  sync: AccountSync;
  secrets: SecretBox;
  states: StateStore;
  drift: DriftStore;
  bus: EventBus;
  lock: CustomerLock;
  isolir: IsolirIntents;
}

interface Drifted {
  customerId: string;
  username: string;
  kind: 'changed' | 'missing';
  found: string;
}

/** What the router has that the customer should not (its own values of the fields that differ); null: nothing differs. */
function difference(account: Row | undefined, want: ReturnType<typeof desiredAccount>): Pick<Drifted, 'kind' | 'found'> | null {
  if (!account) return { kind: 'missing', found: '' };
  const fields = Object.keys(accountChanges(account, want));
  return fields.length === 0 ? null : { kind: 'changed', found: fields.map((k) => `${k}=${account[k] ?? ''}`).join(', ') };
}

/**
 * Reads a router's accounts in one print per menu (only the fields compared) and holds them against
 * every customer on it: drift (a profile or a disabled flag changed by hand in Winbox, a secret
 * deleted, an isolated customer enabled again) is repaired and logged. A customer with a sync on
 * its way is left to that job, and each repair runs under isolir's per-customer lock, re-reading
 * the customer and the account first, so the reconciler never fights a change in flight. Accounts
 * no customer owns are reported, never deleted.
 */
export class Reconciler {
  constructor(private readonly d: ReconcilerDeps) {}

  /** Every RouterOS router of the tenant (the schedule's run); a router that does not answer is recorded as such and the others go on. */
  async reconcileTenant(tenantId: string): Promise<ReconcileResult[]> {
    const routers = this.d.routers.list(tenantId).filter((r) => r.isolirMethod !== 'radius');
    return Promise.all(routers.map((r) => this.reconcile(tenantId, r.id)));
  }

  async reconcile(tenantId: string, routerId: string): Promise<ReconcileResult> {
    const setup = this.d.routers.isolirSetup(tenantId, routerId);
    const result = { routerId, checked: 0, repaired: 0, skipped: 0, unknown: [] as string[], errorCode: null as string | null };
    if (!setup) throw notFound();
    if (setup.method === 'radius') return this.finish(tenantId, result);
    let accounts: Record<AccountKind, Map<string, Row>>;
    try {
      const [secrets, users] = await Promise.all(
        (['pppoe', 'hotspot'] as const).map((kind) => this.d.api.print(setup.api, ACCOUNT_MENUS[kind].account, {}, ACCOUNT_FIELDS)),
      );
      const byName = (rows: readonly Row[] = []) => new Map(rows.map((row) => [row.name ?? '', row]));
      accounts = { pppoe: byName(secrets), hotspot: byName(users) };
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      return this.finish(tenantId, { ...result, errorCode: error.code });
    }
    // Customers with a change on its way (a sync, an isolation or a reconnection) are left to their job.
    const pending = this.d.states.pendingCustomers(tenantId);
    const isolirPending = this.d.isolir.pendingAll(tenantId);
    const drifted: Drifted[] = [];
    const owned: Record<AccountKind, Set<string>> = { pppoe: new Set(), hotspot: new Set() };
    for (const owner of this.d.customers.onRouter(tenantId, routerId)) {
      owned[owner.serviceType].add(owner.username);
      result.checked += 1;
      const found = difference(accounts[owner.serviceType].get(owner.username), desiredAccount(owner, setup));
      if (found === null) continue;
      if (pending.has(owner.id) || isolirPending.has(owner.id)) result.skipped += 1;
      else drifted.push({ customerId: owner.id, username: owner.username, ...found });
    }
    result.unknown = (['pppoe', 'hotspot'] as const).flatMap((kind) => [...accounts[kind].keys()].filter((name) => !owned[kind].has(name)));
    const repaired = await Promise.all(drifted.map((d) => this.repair(tenantId, routerId, d)));
    result.repaired = repaired.filter(Boolean).length;
    const seen = this.d.drift.lastUnknown(tenantId, routerId);
    for (const name of result.unknown.filter((n) => !seen.has(n))) {
      this.d.drift.add(tenantId, { routerId, customerId: null, username: name, kind: 'unknown', found: '', outcome: 'reported', done: '' });
    }
    return this.finish(tenantId, result);
  }

  /** One customer, under the lock, from a fresh read of the console and of the router. */
  private repair(tenantId: string, routerId: string, drifted: Drifted): Promise<boolean> {
    return this.d.lock.run(`${tenantId}:${drifted.customerId}`, async () => {
      const target = this.d.targets.forCustomer(tenantId, drifted.customerId);
      // Moved to another router (or deleted) since the read: its own sync deals with it.
      if (target?.routerId !== routerId) return false;
      const sealed = target.sealedPassword;
      let done: string;
      try {
        done = await this.d.sync.sync(target.router, target.want, sealed === null ? null : { value: this.d.secrets.open(sealed), changed: false });
      } catch (error) {
        if (!(error instanceof RouterError || error instanceof PasswordMissing)) throw error;
        this.d.drift.add(tenantId, { routerId, ...drifted, outcome: 'failed', done: error.code });
        return false;
      }
      if (done === 'unchanged') return false;
      this.d.drift.add(tenantId, { routerId, ...drifted, outcome: 'repaired', done });
      return true;
    });
  }

  private finish(tenantId: string, result: Omit<ReconcileResult, 'at'>): ReconcileResult {
    const at = this.d.db.transaction(() => {
      this.d.bus.publish('router_reconciled', tenantId, { routerId: result.routerId });
      return this.d.drift.recordRun(tenantId, result);
    })();
    return { ...result, at: new Date(at).toISOString() };
  }
}
