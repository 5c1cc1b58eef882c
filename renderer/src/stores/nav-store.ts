import { create } from 'zustand';
import { registerReset } from './reset.js';

export const SECTIONS = ['dashboard', 'customers', 'billing', 'isolir', 'maps', 'collectors', 'whatsapp', 'sync', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export type CustomersTab = 'customers' | 'packages';
export type WhatsAppTab = 'overview' | 'settings' | 'templates' | 'broadcast' | 'log' | 'failures';

interface NavState {
  section: Section;
  /** Kept here so leaving a section and coming back returns to the same tab. */
  customersTab: CustomersTab;
  whatsappTab: WhatsAppTab;
  go(section: Section): void;
  showCustomersTab(tab: CustomersTab): void;
  showWhatsAppTab(tab: WhatsAppTab): void;
}

export const useNav = create<NavState>((set) => ({
  section: 'dashboard',
  customersTab: 'customers',
  whatsappTab: 'overview',
  go: (section) => set({ section }),
  showCustomersTab: (customersTab) => set({ section: 'customers', customersTab }),
  showWhatsAppTab: (whatsappTab) => set({ section: 'whatsapp', whatsappTab }),
}));
registerReset(() => useNav.setState({ section: 'dashboard', customersTab: 'customers', whatsappTab: 'overview' }));
