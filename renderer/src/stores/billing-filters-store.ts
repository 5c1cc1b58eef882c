import { create } from 'zustand';
import type { InvoiceStatus } from '../../../shared/domain/billing.js';
import { go, paths } from './nav-store.js';
import { registerReset } from './reset.js';

/** A customer a list is narrowed to, named so the filter can say whose it is. */
export interface CustomerPick {
  id: string;
  name: string;
}

export interface InvoiceFilters {
  query: string;
  period: string | null;
  status: InvoiceStatus | null;
  /** Unpaid and partly paid together ("Belum lunas"). */
  open: boolean;
  /** Due within these days (inclusive), as the money card "due this week" asks. */
  due: { from: string; to: string } | null;
  packageId: string | null;
  /** The customers' area: null every area, '' customers without one. */
  area: string | null;
  customer: CustomerPick | null;
}

export interface PaymentFilters {
  /** A day on the tenant's calendar; null: every day. */
  date: string | null;
  customer: CustomerPick | null;
}

interface BillingFiltersState {
  invoices: InvoiceFilters;
  payments: PaymentFilters;
  /** The customer the payment desk opens with (sent from an invoice or a customer's page), once. */
  payFor: string | null;
  setInvoiceFilters(patch: Partial<InvoiceFilters>): void;
  setPaymentFilters(patch: Partial<PaymentFilters>): void;
}

const noInvoiceFilters: InvoiceFilters = { query: '', period: null, status: null, open: false, due: null, packageId: null, area: null, customer: null };
const noPaymentFilters: PaymentFilters = { date: null, customer: null };

/** UI state: what the operator filtered by survives opening an invoice and coming back. */
export const useBillingFilters = create<BillingFiltersState>((set) => ({
  invoices: noInvoiceFilters,
  payments: noPaymentFilters,
  payFor: null,
  setInvoiceFilters: (patch) => set((s) => ({ invoices: { ...s.invoices, ...patch } })),
  setPaymentFilters: (patch) => set((s) => ({ payments: { ...s.payments, ...patch } })),
}));
registerReset(() => useBillingFilters.setState({ invoices: noInvoiceFilters, payments: noPaymentFilters, payFor: null }));

/** Opens the invoices with only these filters: a card or a link shows exactly what it says. */
export function openInvoices(filters: Partial<InvoiceFilters>): void {
  useBillingFilters.setState({ invoices: { ...noInvoiceFilters, ...filters } });
  go(paths.billingTab('invoices'));
}

export function openPayments(filters: Partial<PaymentFilters>): void {
  useBillingFilters.setState({ payments: { ...noPaymentFilters, ...filters } });
  go(paths.billingTab('payments'));
}

/** Opens the payment desk on this customer, the amount they owe ready to record. */
export function payCustomer(customerId: string): void {
  useBillingFilters.setState({ payFor: customerId });
  go(paths.billingTab('pay'));
}
