import type { Core } from '../../main/core/index.js';
import type { ExecutorResult, IsolirCustomer, RouterIsolir } from '../../main/isolir/index.js';
import type { DomainEvent, EventName } from '../../shared/contract/index.js';

let numbers = 0;

/**
 * An open invoice of `total` rupiah due on `dueDate` (the tenant's day), as billing issues them,
 * so a test can put a due date where it needs one without waiting for a billing day (one-off:
 * a customer may have several in a month).
 */
export function openInvoice(core: Core, tenantId: string, customerId: string, dueDate: string, total = 150_000, paid = 0): string {
  numbers += 1;
  const id = `01JBBB${String(numbers).padStart(20, '0')}`;
  const now = Date.parse(`${dueDate}T00:00:00Z`);
  core.db
    .prepare(`INSERT INTO invoices (id, tenant_id, customer_id, customer_name, customer_code, package_id, kind, period, office, number, issue_date,
        due_date, subtotal, ppn_bps, ppn_amount, total, paid, status, created_at, updated_at)
      VALUES (?, ?, ?, 'Pelanggan', 'P-0001', NULL, 'one_off', ?, 'A', ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)`)
    .run(id, tenantId, customerId, dueDate.slice(0, 7), `INV/${dueDate.slice(0, 7).replace('-', '')}/A-${String(numbers).padStart(5, '0')}`, dueDate, dueDate, total, total, paid, paid > 0 ? 'partial' : 'unpaid', now, now);
  return id;
}

/** Marks an invoice paid in full, as a payment that covers it leaves it. */
export function markPaid(core: Core, invoiceId: string): void {
  core.db.prepare(`UPDATE invoices SET paid = total, status = 'paid' WHERE id = ?`).run(invoiceId);
}

/** The events the core published, by name, as the screens would hear them. */
export function eventLog(core: Core): { of<E extends EventName>(name: E): DomainEvent<E>[] } {
  const seen: DomainEvent[] = [];
  core.onEvent((e) => seen.push(e));
  return { of: <E extends EventName>(name: E) => seen.filter((e): e is DomainEvent<E> => e.name === name) };
}

const APPLIED: ExecutorResult = { outcome: 'applied', change: { state: { kind: 'profile', profile: 'isolir' }, sessionsEnded: 0 }, confirmed: 'profile=isolir' };

/** A router that confirms every change at the executor port (the RouterOS wire is tested end to end elsewhere). */
export class ConfirmingRouter implements RouterIsolir {
  readonly calls: string[] = [];

  isolate(customer: IsolirCustomer): Promise<ExecutorResult> {
    this.calls.push(`isolate ${customer.username}`);
    return Promise.resolve(APPLIED);
  }

  reconnect(customer: IsolirCustomer): Promise<ExecutorResult> {
    this.calls.push(`reconnect ${customer.username}`);
    return Promise.resolve(APPLIED);
  }
}
