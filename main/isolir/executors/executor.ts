/**
 * The contract every isolir executor meets (RADIUS now, the RouterOS API next): make the network
 * isolate a customer or put them back on their package, and say exactly what the far side
 * confirmed. An executor never throws for a network's or router's refusal; it answers a result the
 * isolir service can act on without knowing which executor ran (mark isolated, or keep "isolir
 * pending" with the reason and retry).
 *
 * Both operations are idempotent: running one twice leaves the far side as the first run did.
 */
import type { ExecutorFailureCode } from './executor-failures.js';

/** The customer as an executor needs them: our id (for logs and comments) and their PPPoE/hotspot name. */
export interface IsolirCustomer {
  id: string;
  username: string;
  /** Which account the username names on a RouterOS router (a PPP secret or a hotspot user); RADIUS needs no more than the name. */
  serviceType: 'pppoe' | 'hotspot';
}

export interface ExecutorFailure {
  /** Stable; its plain words (what happened, what to check) are the screens' `isolir.error_<code>`. */
  code: ExecutorFailureCode;
  /** Worth trying again by itself later (the router was away); false: a person must fix something first. */
  retryable: boolean;
  /** The technical particulars (addresses, the router's own words) for the history and the log. */
  detail: string;
}

export type ExecutorResult =
  /** The far side confirmed every step; `confirmed` says how, in technical words, for the history. */
  | { outcome: 'applied'; confirmed: string }
  /** Certainly not (fully) applied: the far side refused, or nothing was reached. */
  | { outcome: 'failed'; failure: ExecutorFailure }
  /** Perhaps applied: a request left and no answer came back. Never counts as applied. */
  | { outcome: 'unknown'; failure: ExecutorFailure };

/**
 * `Target` is the executor's own view of the router (a NAS address and secret for RADIUS, an API
 * connection for RouterOS). `packageGroup` is where the customer goes back to: the package's
 * RADIUS group or the package's PPP profile.
 */
export interface IsolirExecutor<Target> {
  isolate(target: Target, customer: IsolirCustomer): Promise<ExecutorResult>;
  reconnect(target: Target, customer: IsolirCustomer, packageGroup: string): Promise<ExecutorResult>;
}
