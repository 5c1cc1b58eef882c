/** An invoice the loop acts on: not paid in full and not void. */
export interface UnpaidInvoice {
  id: string;
  customerId: string;
  /** Its number, as printed (INV-...). */
  code: string;
  /** YYYY-MM: the month it bills. */
  period: string;
  /** The tenant's calendar day, YYYY-MM-DD. */
  dueDate: string;
  /** What is still owed, in rupiah. */
  amountDue: number;
}

/** What the reminders, the overdue scan and promises read of billing's invoices. */
export interface UnpaidInvoices {
  /** Unpaid invoices whose due day is within [from, to] (either open: null), oldest due first. */
  dueBetween(tenantId: string, from: string | null, to: string): UnpaidInvoice[];
  /** The customer's oldest unpaid invoice, or null when they owe nothing. */
  oldestOf(tenantId: string, customerId: string): UnpaidInvoice | null;
  /** Which of these invoices are still unpaid. */
  stillUnpaid(tenantId: string, invoiceIds: readonly string[]): Set<string>;
}
