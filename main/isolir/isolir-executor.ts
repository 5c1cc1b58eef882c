import type { ExecutorResult, IsolirCustomer, IsolirExecutor } from './executors/executor.js';

/**
 * One router's isolir with its target bound in (its RouterOS connection and method, or its NAS and
 * RADIUS database): what the apply job calls without knowing which executor runs.
 */
export interface RouterIsolir {
  isolate(customer: IsolirCustomer): Promise<ExecutorResult>;
  /** `packageGroup`: the package's PPP profile or RADIUS group, where the customer goes back to. */
  reconnect(customer: IsolirCustomer, packageGroup: string): Promise<ExecutorResult>;
}

export function bindExecutor<Target>(executor: IsolirExecutor<Target>, target: Target): RouterIsolir {
  return {
    isolate: (customer) => executor.isolate(target, customer),
    reconnect: (customer, packageGroup) => executor.reconnect(target, customer, packageGroup),
  };
}

/** Which executor acts on a router (by the isolir method chosen for it); null: none set up for it yet. */
export interface IsolirExecutors {
  forRouter(tenantId: string, routerId: string): RouterIsolir | null;
}
