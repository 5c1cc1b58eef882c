import { z } from 'zod';
import { event } from './define.js';
import { idSchema } from '../domain/common.js';

/**
 * Domain events: written to the outbox in the transaction that made the change, delivered to the
 * core's subscribers at least once, and pushed to the renderer (which refreshes what it shows).
 * Names follow the seeds' snake_case vocabulary (invoice_paid, customer_isolated, ...).
 */
export const events = {
  tenant_updated: event(z.object({ tenantId: idSchema })),
  user_changed: event(z.object({ userId: idSchema })),
  package_changed: event(z.object({ packageId: idSchema })),
  /** A router was added, edited, removed, or its RouterOS version was read. */
  router_changed: event(z.object({ routerId: idSchema })),
  customer_created: event(z.object({ customerId: idSchema })),
  customer_updated: event(z.object({ customerId: idSchema })),
  customer_deactivated: event(z.object({ customerId: idSchema })),
  customer_reactivated: event(z.object({ customerId: idSchema })),
  /** The router confirmed the isolation (or the reconnection) of the request `actionId`. */
  customer_isolated: event(z.object({ customerId: idSchema, actionId: idSchema })),
  customer_reconnected: event(z.object({ customerId: idSchema, actionId: idSchema })),
  /**
   * A customer's PPPoE or hotspot session appeared on (or left) their router, seen by the sessions
   * poll (seed 004, router_radius_integration). Not sent for the first poll of a router after the
   * core starts: that one only learns who is online.
   */
  customer_online: event(z.object({ customerId: idSchema, routerId: idSchema })),
  customer_offline: event(z.object({ customerId: idSchema, routerId: idSchema })),
  /** Transient: a router's list of active sessions changed (or it stopped or started answering); its list re-reads. */
  sessions_changed: event(z.object({ routerId: idSchema })),
  /** An isolir request changed (queued, retried, failed): the Isolir screen re-reads. */
  isolir_changed: event(z.object({ customerId: idSchema })),
  /** A customer's account on their router changed state (queued, applied, waiting, failed): their page re-reads. */
  provisioning_changed: event(z.object({ customerId: idSchema })),
  /** The reconciler compared a router with the console (and perhaps repaired drift): the drift view re-reads. */
  router_reconciled: event(z.object({ routerId: idSchema })),
  /** The daily scan reminded a customer of an invoice falling due (`step`: days from the due date, -3 is three days before). */
  invoice_due_reminder: event(z.object({ invoiceId: idSchema, customerId: idSchema, step: z.number().int() })),
  /** An invoice went past its due date unpaid: said once, the day after (isolation follows after the grace days). */
  invoice_overdue: event(z.object({ invoiceId: idSchema, customerId: idSchema, daysUntilIsolation: z.number().int() })),
  /** A customer was exempted from auto-isolir, or no longer is. */
  isolir_exemption_changed: event(z.object({ customerId: idSchema })),
  /** A promise to pay was recorded (the customer is being reconnected until the promised day). */
  payment_promise_made: event(z.object({ promiseId: idSchema, customerId: idSchema })),
  /** A promise to pay was kept, broken (the customer is isolated again) or cancelled. */
  payment_promise_changed: event(z.object({ promiseId: idSchema, customerId: idSchema })),
  /** The promised day ended unpaid: the customer is being isolated again (also a payment_promise_changed; this one is their WhatsApp). */
  payment_promise_broken: event(z.object({ promiseId: idSchema, customerId: idSchema })),
  /** One event for a whole import (not customer_created per row: no welcome message to each of 500 customers moved in). */
  customers_imported: event(z.object({ importId: idSchema })),
  /** Billing (issue 9). One per invoice made by hand; the monthly generation sends them only when the tenant turned its notification on (else `invoices_generated`). */
  invoice_created: event(z.object({ invoiceId: idSchema, customerId: idSchema })),
  /** One for a whole generation run that made invoices. */
  invoices_generated: event(z.object({ runId: idSchema, period: z.string(), created: z.number().int() })),
  /** An invoice changed otherwise (a line added, voided, a payment reversed): its screens re-read. */
  invoice_changed: event(z.object({ invoiceId: idSchema, customerId: idSchema })),
  invoice_paid: event(z.object({ invoiceId: idSchema, customerId: idSchema, paymentId: idSchema })),
  payment_recorded: event(z.object({ paymentId: idSchema, customerId: idSchema })),
  payment_reversed: event(z.object({ paymentId: idSchema, reversalId: idSchema, customerId: idSchema })),
  /** Transient: a generation's progress, for the Tagihan screen's bar. */
  billing_progress: event(z.object({ runId: idSchema, done: z.number().int(), total: z.number().int() })),
  /** Transient (announced, not stored): the WhatsApp session changed state or showed a new QR. */
  wa_session_changed: event(z.object({})),
  /** Transient, at most a few per second: messages changed status; screens re-read logs and progress. */
  wa_activity: event(z.object({ broadcastId: idSchema.nullable() })),
  /** From the desktop shell: the core process came back after a crash; events may have been missed, screens reload. */
  core_restarted: event(z.object({})),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;
export interface DomainEvent<E extends EventName = EventName> {
  name: E;
  tenantId: string;
  payload: EventPayload<E>;
  /** Position in the outbox: orders events and lets subscribers resume. */
  seq: number;
  at: string;
}
export const EVENT_NAMES = Object.keys(events) as EventName[];

/**
 * The WebSocket close code web mode sends when the session a screen's event channel was opened with
 * has ended (logout, deactivation, a changed password, expiry): the page does not reconnect with it.
 */
export const SESSION_ENDED_CLOSE = 4001;
