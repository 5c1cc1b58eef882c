import { navigate } from 'wouter/use-hash-location';
import { create } from 'zustand';
import { registerReset } from './reset.js';

export const SECTIONS = ['dashboard', 'customers', 'billing', 'isolir', 'routers', 'maps', 'collectors', 'whatsapp', 'sync', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export type CustomersTab = 'customers' | 'packages';
export type BillingTab = 'invoices' | 'pay' | 'payments' | 'reports' | 'settings';
export type WhatsAppTab = 'overview' | 'settings' | 'templates' | 'broadcast' | 'log' | 'failures';
export type SettingsTab = 'profile' | 'users' | 'password' | 'language' | 'failures';

/**
 * Where each screen lives. The URL (in the hash, so it works from Electron's file:// page and
 * survives web mode's token redirect) is the truth for the screen, tab and open customer: F5 and
 * back/forward land where they should.
 */
export const paths = {
  section: (section: Section) => `/${section}`,
  customersTab: (tab: CustomersTab) => (tab === 'customers' ? '/customers' : '/customers/packages'),
  customer: (id: string) => `/customers/${id}`,
  billingTab: (tab: BillingTab) => (tab === 'invoices' ? '/billing' : `/billing/${tab}`),
  invoice: (id: string) => `/billing/invoice/${id}`,
  whatsappTab: (tab: WhatsAppTab) => `/whatsapp/${tab}`,
  settingsTab: (tab: SettingsTab) => `/settings/${tab}`,
};

export function sectionOf(path: string): Section {
  const first = path.split('/')[1];
  return SECTIONS.find((s) => s === first) ?? 'dashboard';
}

interface NavState {
  /** The last place seen in each section, so leaving a section and coming back returns to the same tab. */
  last: Partial<Record<Section, string>>;
}

export const useNav = create<NavState>(() => ({ last: {} }));
registerReset(() => useNav.setState({ last: {} }));

export function rememberPath(path: string): void {
  const section = sectionOf(path);
  if (useNav.getState().last[section] !== path) useNav.setState((s) => ({ last: { ...s.last, [section]: path } }));
}

/** Opens a section where the user left it; a customer's or an invoice's detail is left behind (the list is what people expect). */
export function goToSection(section: Section): void {
  const last = useNav.getState().last[section];
  if (section === 'customers') go(last === paths.customersTab('packages') ? last : paths.customersTab('customers'));
  else if (section === 'billing') go(last?.startsWith(paths.invoice('')) ? paths.billingTab('invoices') : (last ?? paths.billingTab('invoices')));
  else go(last ?? paths.section(section));
}

export function go(path: string): void {
  navigate(path);
}
