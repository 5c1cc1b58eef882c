import { create } from 'zustand';
import { registerReset } from './reset.js';

export const SECTIONS = ['dashboard', 'customers', 'billing', 'isolir', 'maps', 'collectors', 'whatsapp', 'sync', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export type CustomersTab = 'customers' | 'packages';

interface NavState {
  section: Section;
  /** Kept here so leaving Pelanggan and coming back returns to the same tab. */
  customersTab: CustomersTab;
  go(section: Section): void;
  showCustomersTab(tab: CustomersTab): void;
}

export const useNav = create<NavState>((set) => ({
  section: 'dashboard',
  customersTab: 'customers',
  go: (section) => set({ section }),
  showCustomersTab: (customersTab) => set({ section: 'customers', customersTab }),
}));
registerReset(() => useNav.setState({ section: 'dashboard', customersTab: 'customers' }));
