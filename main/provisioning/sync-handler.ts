import type { WriteBatcher } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import { JobError, type Job } from '../jobs/index.js';
import type { CustomerLock } from '../isolir/index.js';
import { RouterError } from '../network/index.js';
import type { SecretBox } from '../secrets/index.js';
import { PasswordMissing, type AccountSync } from './account-sync.js';
import type { AccountTargets } from './account-targets.js';
import type { AccountPlace, StateRow, StateStore } from './state-store.js';

export const PROVISIONING_SYNC_JOB = 'provisioning.sync';

export interface SyncPayload {
  customerId: string;
  /** The revision this job was made for: an older one finds a newer wanted and steps aside. */
  rev: number;
}

export interface SyncDeps {
  writes: WriteBatcher;
  store: StateStore;
  bus: EventBus;
  targets: AccountTargets;
  sync: AccountSync;
  secrets: SecretBox;
  /** Isolir's: one router change per customer at a time, so a sync never races an isolation. */
  lock: CustomerLock;
}

/** Codes a router gives that clear up by themselves (it was away, or slow): the job retries them. */
const PASSING = new Set(['UNREACHABLE', 'TIMEOUT']);

type Outcome = { outcome: 'applied'; answer: string; place: AccountPlace | null } | { outcome: 'failed'; code: string; detail: string; retryable: boolean };

/**
 * "Sync this customer to their router": reads the customer's wanted account at run time (so a burst
 * of edits collapses into the latest), and makes the router hold it, under isolir's per-customer
 * lock. Only the router's confirmation of the latest revision marks the customer applied; an
 * unreachable router leaves it pending with the reason, retried with backoff.
 */
export function createSyncHandler(d: SyncDeps): (job: Job) => Promise<unknown> {
  return async (job) => {
    const { customerId, rev } = job.payload as SyncPayload;
    const tenantId = job.tenantId;
    if (d.store.get(tenantId, customerId)?.wanted_rev !== rev) return { skipped: 'superseded' };
    return d.lock.run(`${tenantId}:${customerId}`, async () => {
      const state = d.store.get(tenantId, customerId);
      // Read again: a newer change may have come while this one waited for the lock; its own job sends it.
      if (state?.wanted_rev !== rev) return { skipped: 'superseded' };
      const result = await run(d, state);
      if (result.outcome === 'applied') {
        await d.writes.run(() => {
          d.store.recordPlace(tenantId, customerId, result.place);
          d.store.markApplied(tenantId, customerId, rev, result.answer, result.place ? 'applied' : 'none');
          d.bus.publish('provisioning_changed', tenantId, { customerId });
        });
        return { applied: result.answer };
      }
      const again = result.retryable && job.attempts < job.maxAttempts;
      await d.writes.run(() => {
        if (again) d.store.markWaiting(tenantId, customerId, rev, result.code, result.detail);
        else d.store.markFailed(tenantId, customerId, rev, result.code, result.detail);
        d.bus.publish('provisioning_changed', tenantId, { customerId });
      });
      throw new JobError(result.code, result.detail, again);
    });
  };
}

async function run(d: SyncDeps, state: StateRow): Promise<Outcome> {
  const { tenant_id: tenantId, customer_id: customerId } = state;
  const target = d.targets.forCustomer(tenantId, customerId);
  try {
    const moved = state.applied_router_id !== null && (target?.routerId !== state.applied_router_id || target.want.kind !== state.applied_service);
    if (moved && state.applied_router_id !== null && state.applied_service !== null) {
      // The customer left that router (or that kind of account): their account there is ours to take away.
      const old = d.targets.router(tenantId, state.applied_router_id);
      if (old) await d.sync.removeOurs(old, state.applied_service, customerId);
    }
    if (!target) return { outcome: 'applied', answer: moved ? 'removed from the old router' : 'no account on a router', place: null };
    const { sealedPassword } = target;
    const password = sealedPassword === null ? null : { value: d.secrets.open(sealedPassword), changed: sealedPassword !== state.applied_password_ref };
    const answer = await d.sync.sync(target.router, target.want, password);
    const place = { routerId: target.routerId, kind: target.want.kind, username: target.want.name, passwordRef: sealedPassword, fingerprint: target.fingerprint };
    return { outcome: 'applied', answer, place };
  } catch (error) {
    if (error instanceof PasswordMissing) return { outcome: 'failed', code: error.code, detail: error.message, retryable: false };
    if (!(error instanceof RouterError)) {
      return { outcome: 'failed', code: 'UNEXPECTED', detail: error instanceof Error ? error.message : String(error), retryable: true };
    }
    // A lost reply may have applied it: never counted as done, and safe to repeat (the sync sets a state).
    return { outcome: 'failed', code: error.code, detail: error.detail, retryable: PASSING.has(error.code) || error.mayHaveApplied };
  }
}
