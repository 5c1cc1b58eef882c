import { defineModule } from '../module-kit/index.js';
import { billingHandlers } from './handlers.js';
import { SettingsStore } from './settings-store.js';

/** Invoices, payments and the customer's credit (issue 9); the money loop to isolir and back. */
export const billingModule = defineModule({
  name: 'billing',
  tables: ['billing_settings', 'invoice_sequences', 'invoices', 'invoice_lines', 'payments', 'payment_allocations', 'invoice_reminders', 'billing_runs'],
  create: (infra) => {
    const billingSettings = new SettingsStore(infra.db, infra.clock);
    return {
      services: { billingSettings },
      handlers: billingHandlers(billingSettings),
    };
  },
});
