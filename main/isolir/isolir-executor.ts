/**
 * The port every isolir method meets (RouterOS API: profile swap, address list, disabled secret;
 * RADIUS: group move plus Disconnect-Request). An executor sets the desired state, so running it
 * twice changes nothing more: a retry after a lost reply is always safe.
 */
export interface IsolirSubject {
  customerId: string;
  /** The PPPoE secret's or hotspot user's name on the router. */
  username: string;
  serviceType: 'pppoe' | 'hotspot';
  /** The package's profile: what a reconnection puts back. */
  packageProfile: string;
}

export type ExecutorResult =
  /** The router confirmed it; `answer` says what it has now, for the customer's history. */
  | { ok: true; answer: string }
  /** `retryable`: the router may take it later (unreachable, timeout); not: a person must fix something first. */
  | { ok: false; code: string; message: string; retryable: boolean };

export interface IsolirExecutor {
  isolate(subject: IsolirSubject, signal: AbortSignal): Promise<ExecutorResult>;
  reconnect(subject: IsolirSubject, signal: AbortSignal): Promise<ExecutorResult>;
}

/** Which executor acts on a router (by the isolir method chosen for it); null: none set up for it yet. */
export interface IsolirExecutors {
  forRouter(tenantId: string, routerId: string): IsolirExecutor | null;
}

/** Until a router's connection is set up, every request waits, saying so (never marked done). */
export const noExecutors: IsolirExecutors = { forRouter: () => null };
