import { Where, type Db } from '../db/index.js';
import type { PaymentKind, PaymentMethod } from '../../shared/domain/billing.js';

export interface PaymentRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  kind: PaymentKind;
  /** 'KW/202612/A-00001', what the office reads aloud (a reversal has its own, from the same sequence). */
  number: string;
  reverses_id: string | null;
  method: PaymentMethod;
  amount: number;
  reference: string;
  proof_path: string | null;
  note: string;
  received_by: string | null;
  received_by_name: string | null;
  received_at: number;
  local_date: string;
  request_key: string;
}

export interface AllocationRow {
  payment_id: string;
  invoice_id: string;
  invoice_number: string;
  amount: number;
  payment_kind: PaymentKind;
  method: PaymentMethod;
  received_at: number;
}

export type NewPayment = Omit<PaymentRow, 'tenant_id'>;

/**
 * Payments and their allocations to invoices: append only (the migration's triggers refuse UPDATE
 * and DELETE, and this class has no statement that tries). A customer's credit is what their
 * payments not reversed have not allocated; it is spent oldest payment first.
 */
export class Ledger {
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.stmt = {
      insert: db.prepare(`INSERT INTO payments (id, tenant_id, customer_id, kind, number, reverses_id, method, amount, reference, proof_path, note,
          received_by, received_by_name, received_at, local_date, request_key)
        VALUES (@id, @tenantId, @customer_id, @kind, @number, @reverses_id, @method, @amount, @reference, @proof_path, @note, @received_by,
          @received_by_name, @received_at, @local_date, @request_key)`),
      allocate: db.prepare(`INSERT INTO payment_allocations (tenant_id, customer_id, payment_id, invoice_id, amount, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`),
      get: db.prepare('SELECT * FROM payments WHERE tenant_id = ? AND id = ?'),
      byRequestKey: db.prepare('SELECT * FROM payments WHERE tenant_id = ? AND request_key = ?'),
      reversalOf: db.prepare('SELECT id FROM payments WHERE reverses_id = ?').pluck(),
      allocationsOfPayment: db.prepare(`SELECT a.payment_id, a.invoice_id, i.number AS invoice_number, a.amount, p.kind AS payment_kind, p.method,
          p.received_at FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = ? ORDER BY a.id`),
      allocationsOfInvoice: db.prepare(`SELECT a.payment_id, a.invoice_id, i.number AS invoice_number, a.amount, p.kind AS payment_kind, p.method,
          p.received_at FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id WHERE a.invoice_id = ? ORDER BY a.id`),
      // The ledger as it stood at an instant (a receipt's reprint): allocations made by then.
      sharesOfPayment: db.prepare(`SELECT invoice_id AS invoiceId, SUM(amount) AS amount FROM payment_allocations
        WHERE payment_id = ? AND created_at <= ? GROUP BY invoice_id ORDER BY MIN(id)`),
      paidUntil: db.prepare('SELECT COALESCE(SUM(amount), 0) FROM payment_allocations WHERE invoice_id = ? AND created_at <= ?').pluck(),
      creditUntil: db.prepare(`SELECT COALESCE(SUM(p.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocations a
          WHERE a.payment_id = p.id AND a.created_at <= @at), 0)), 0)
        FROM payments p WHERE p.tenant_id = @tenantId AND p.customer_id = @customerId AND p.kind = 'payment' AND p.received_at <= @at
          AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id AND r.received_at <= @at)`).pluck(),
      allocatedToInvoice: db.prepare('SELECT COALESCE(SUM(amount), 0) FROM payment_allocations WHERE invoice_id = ?').pluck(),
      // Each live payment of the customer with what it has left, oldest first.
      remainders: db.prepare(`SELECT p.id, p.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS left
        FROM payments p WHERE p.tenant_id = ? AND p.customer_id = ? AND p.kind = 'payment'
          AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
        ORDER BY p.received_at, p.id`),
      // Every customer's credit at once (the generation's): live payments less what they allocated.
      credits: db.prepare(`SELECT p.customer_id, SUM(p.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocations a WHERE a.payment_id = p.id), 0))
        FROM payments p WHERE p.tenant_id = ? AND p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
        GROUP BY p.customer_id`).raw(),
    };
  }

  insert(tenantId: string, payment: NewPayment): void {
    this.stmt.insert.run({ tenantId, ...payment });
  }

  allocate(tenantId: string, customerId: string, paymentId: string, invoiceId: string, amount: number, now: number): void {
    this.stmt.allocate.run(tenantId, customerId, paymentId, invoiceId, amount, now);
  }

  get(tenantId: string, id: string): PaymentRow | null {
    return (this.stmt.get.get(tenantId, id) as PaymentRow | undefined) ?? null;
  }

  byRequestKey(tenantId: string, key: string): PaymentRow | null {
    return (this.stmt.byRequestKey.get(tenantId, key) as PaymentRow | undefined) ?? null;
  }

  reversalOf(paymentId: string): string | null {
    return (this.stmt.reversalOf.get(paymentId) as string | undefined) ?? null;
  }

  allocationsOfPayment(paymentId: string): AllocationRow[] {
    return this.stmt.allocationsOfPayment.all(paymentId) as AllocationRow[];
  }

  allocationsOfInvoice(invoiceId: string): AllocationRow[] {
    return this.stmt.allocationsOfInvoice.all(invoiceId) as AllocationRow[];
  }

  /** What an invoice's allocations add up to: its `paid`, from the ledger. */
  allocatedTo(invoiceId: string): number {
    return this.stmt.allocatedToInvoice.get(invoiceId) as number;
  }

  /** What a payment put on each invoice by `at` (its own recording: the allocations of its transaction). */
  sharesOfPayment(paymentId: string, at: number): { invoiceId: string; amount: number }[] {
    return this.stmt.sharesOfPayment.all(paymentId, at) as { invoiceId: string; amount: number }[];
  }

  /** What had been paid on an invoice by `at`. */
  paidUntil(invoiceId: string, at: number): number {
    return this.stmt.paidUntil.get(invoiceId, at) as number;
  }

  /** The customer's credit as it was at `at`: payments by then, less what they had allocated and those reversed by then. */
  creditUntil(tenantId: string, customerId: string, at: number): number {
    return this.stmt.creditUntil.get({ tenantId, customerId, at }) as number;
  }

  /** The customer's live payments with money left on them, oldest first. */
  remainders(tenantId: string, customerId: string): { id: string; left: number }[] {
    return (this.stmt.remainders.all(tenantId, customerId) as { id: string; left: number }[]).filter((r) => r.left > 0);
  }

  credit(tenantId: string, customerId: string): number {
    return this.remainders(tenantId, customerId).reduce((sum, r) => sum + r.left, 0);
  }

  /** A page of entries, newest first, one more than `limit` when there are more. */
  page(tenantId: string, f: { customerId: string | null; date: string | null; cursor: string | null; limit: number }): PaymentRow[] {
    const where = new Where()
      .and('tenant_id = ?', tenantId)
      .andIf(f.customerId, 'customer_id = ?')
      .andIf(f.date, 'local_date = ?')
      .andIf(f.cursor, 'id < ?');
    return this.db.prepare(`SELECT * FROM payments ${where.sql} ORDER BY id DESC LIMIT ?`).all(...where.params, f.limit + 1) as PaymentRow[];
  }

  /** Customers with credit, and how much. */
  credits(tenantId: string): Map<string, number> {
    const rows = this.stmt.credits.all(tenantId) as [string, number][];
    return new Map(rows.filter(([, credit]) => credit > 0));
  }
}
