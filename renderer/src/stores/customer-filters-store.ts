import { create } from 'zustand';
import type { CustomerStatus } from '../../../shared/domain/customer.js';
import { registerReset } from './reset.js';

export interface CustomerFilters {
  query: string;
  status: CustomerStatus | null;
  packageId: string | null;
  /** null: every area; '': customers without one. */
  area: string | null;
}

interface CustomerFiltersState extends CustomerFilters {
  setFilters(patch: Partial<CustomerFilters>): void;
}

const none: CustomerFilters = { query: '', status: null, packageId: null, area: null };

/** UI state: what the operator filtered by survives opening a customer and coming back. */
export const useCustomerFilters = create<CustomerFiltersState>((set) => ({ ...none, setFilters: (patch) => set(patch) }));
registerReset(() => useCustomerFilters.setState(none));
