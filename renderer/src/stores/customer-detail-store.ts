import { create } from 'zustand';
import type { AppError } from '../../../shared/contract/errors.js';
import type { Customer } from '../../../shared/domain/customer.js';
import { call } from '../api/client.js';
import { registerReset } from './reset.js';

interface CustomerDetailState {
  /** The customer open in the detail view, or null when the list is shown. */
  openId: string | null;
  customer: Customer | null;
  error: AppError | null;
}

export const useCustomerDetail = create<CustomerDetailState>(() => ({ openId: null, customer: null, error: null }));
registerReset(() => useCustomerDetail.setState({ openId: null, customer: null, error: null }));

export async function openCustomer(id: string): Promise<void> {
  useCustomerDetail.setState({ openId: id, customer: null, error: null });
  await reloadCustomer(id);
}

export function closeCustomer(): void {
  useCustomerDetail.setState({ openId: null, customer: null, error: null });
}

/** Puts a customer the server just returned on screen without another round trip. */
export function showCustomer(customer: Customer): void {
  if (useCustomerDetail.getState().openId === customer.id) useCustomerDetail.setState({ customer, error: null });
}

export async function reloadCustomer(id: string): Promise<void> {
  if (useCustomerDetail.getState().openId !== id) return;
  const result = await call('customers.get', { id });
  if (useCustomerDetail.getState().openId !== id) return;
  useCustomerDetail.setState(result.ok ? { customer: result.data, error: null } : { error: result.error });
}
