import type { IsolirCommands } from '../isolir/index.js';
import type { IsolirAction } from '../../shared/domain/isolir.js';
import type { Customer } from '../../shared/domain/customer.js';
import type { PaymentRecordResult } from '../../shared/domain/billing.js';

/** What billing uses of isolir: its door for requests, and a customer's history (why they are isolated). */
export interface IsolirPort extends IsolirCommands {
  history(tenantId: string, customerId: string): IsolirAction[];
}

type ReconnectOutcome = Pick<PaymentRecordResult, 'reconnect' | 'reconnectActionId'>;

/**
 * A payment that clears what is past due reconnects at once, not at a sweep: a request to isolir
 * (durable, its job starts now), source 'policy'. Only a customer the billing policy isolated
 * (their latest confirmed isolation has source 'policy'): an isolation a person made by hand (a
 * technician cutting off abuse) is a person's to lift.
 */
export class Reconnector {
  constructor(private readonly isolir: IsolirPort) {}

  afterPayment(tenantId: string, customer: Customer, stillOverdue: number, by: string): ReconnectOutcome {
    if (customer.status !== 'isolated') return { reconnect: 'none', reconnectActionId: null };
    const isolation = this.isolir.history(tenantId, customer.id).find((a) => a.kind === 'isolate' && a.status === 'applied');
    if (isolation?.source !== 'policy') return { reconnect: 'none', reconnectActionId: null };
    if (stillOverdue > 0) return { reconnect: 'still_owing', reconnectActionId: null };
    const result = this.isolir.request(tenantId, { kind: 'reconnect', customerIds: [customer.id], reason: 'Tagihan lunas', source: 'policy', requestedBy: by });
    return { reconnect: 'requested', reconnectActionId: result.actions[0]?.id ?? null };
  }
}
