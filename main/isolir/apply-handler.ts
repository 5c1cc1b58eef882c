import type { WriteBatcher } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import { JobDone, JobError, type Job } from '../jobs/index.js';
import type { CustomersService, PackagesService } from '../customers/index.js';
import type { ActionRow, ActionStore } from './action-store.js';
import type { CustomerLock } from './customer-lock.js';
import type { ExecutorFailure, ExecutorResult } from './executors/executor.js';
import type { IsolirExecutors } from './isolir-executor.js';

export interface ApplyDeps {
  /** Concurrent requests' writes share commits (an fsync each would cost more than the router's answer). */
  writes: WriteBatcher;
  store: ActionStore;
  bus: EventBus;
  customers: CustomersService;
  packages: PackagesService;
  executors: IsolirExecutors;
  lock: CustomerLock;
}

/** A failure before any executor ran: our own setup, not the router; no use trying again until a person fixes it. */
type SetupFailure = Omit<ExecutorFailure, 'code'> & { code: 'NOT_FOUND' | 'NO_ROUTER' | 'ROUTER_NOT_SET_UP' | 'UNEXPECTED' };
type Outcome = Extract<ExecutorResult, { outcome: 'applied' }> | { outcome: 'failed' | 'unknown'; failure: ExecutorFailure | SetupFailure };
const fail = (code: SetupFailure['code'], detail: string): Outcome => ({ outcome: 'failed', failure: { code, detail, retryable: false } });

/**
 * The job behind every isolir request: asks the router's executor for the change and records what
 * the router answered. Only a confirmed change moves the customer's status (and tells them on
 * WhatsApp); an unreachable router leaves the request pending with the reason, retried with
 * backoff, and a request a newer one replaced is dropped unapplied.
 */
export function createApplyHandler(d: ApplyDeps): (job: Job) => Promise<unknown> {
  return async (job) => {
    const { actionId } = job.payload as { actionId: string };
    const first = d.store.get(actionId);
    if (first?.status !== 'pending') return { skipped: first?.status ?? 'missing' };
    return d.lock.run(`${first.tenant_id}:${first.customer_id}`, async () => {
      // Read again: a newer request may have replaced this one while it waited for the lock.
      const action = d.store.get(actionId);
      if (action?.status !== 'pending') return { skipped: action?.status ?? 'missing' };
      const result = await execute(d, action);
      const customerId = action.customer_id;
      if (result.outcome === 'applied') {
        // The router's confirmation commits with the job's 'done', in one write (one disk flush, not
        // two waited for one after the other): the job is never done without it.
        return new JobDone(
          { applied: result.confirmed },
          () => {
            // Replaced meanwhile: the router did it, the newer request undoes it next, and the customer's status stays.
            if (!d.store.markApplied(actionId, result.change, result.confirmed)) return;
            d.customers.setIsolated(action.tenant_id, customerId, action.kind === 'isolate');
            // Also what refreshes the customer's page and lists (see STALE_AFTER): one event, not three.
            d.bus.publish(action.kind === 'isolate' ? 'customer_isolated' : 'customer_reconnected', action.tenant_id, { customerId, actionId });
          },
          // Disk full, database locked: the router has it, the ledger does not. Tried again (setting the same state changes nothing more).
          (error) => new JobError('UNEXPECTED', `the router confirmed but recording it failed: ${error instanceof Error ? error.message : String(error)}`, true),
        );
      }
      const { code, detail } = result.failure;
      // Perhaps applied (no answer came): never counted as done, and safe to repeat (executors set a state).
      const again = (result.outcome === 'unknown' || result.failure.retryable) && job.attempts < job.maxAttempts;
      await d.writes.run(() => {
        if (again) d.store.markWaiting(actionId, code, detail);
        else d.store.markFailed(actionId, code, detail);
        d.bus.publish('isolir_changed', action.tenant_id, { customerId });
      });
      throw new JobError(code, detail, again);
    });
  };
}

async function execute(d: ApplyDeps, action: ActionRow): Promise<Outcome> {
  const { tenant_id: tenantId, customer_id: customerId, router_id: routerId } = action;
  const customer = d.customers.find(tenantId, customerId);
  if (!customer) return fail('NOT_FOUND', 'the customer was deleted');
  if (routerId === null) return fail('NO_ROUTER', 'the customer has no router');
  const executor = d.executors.forRouter(tenantId, routerId);
  if (!executor) return fail('ROUTER_NOT_SET_UP', 'no isolir method is set up for this router');
  const subject = { id: customerId, username: customer.username, serviceType: customer.serviceType };
  try {
    const result: ExecutorResult =
      action.kind === 'isolate' ? await executor.isolate(subject) : await executor.reconnect(subject, d.packages.routerProfile(tenantId, customer.packageId));
    return result;
  } catch (error) {
    // An executor answers with a result; one that throws anyway is treated like a router that did not answer.
    return { outcome: 'unknown', failure: { code: 'UNEXPECTED', detail: error instanceof Error ? error.message : String(error), retryable: true } };
  }
}
