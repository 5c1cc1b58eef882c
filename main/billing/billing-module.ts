import { defineModule } from '../module-kit/index.js';
import { createBillingLoop, LOOP_TABLES, type LoopNeeds } from './billing-loop.js';
import { billingHandlers } from './handlers.js';
import { SettingsStore } from './settings-store.js';

/** Invoices, payments and the customer's credit (issue 9); the money loop to isolir and back. */
export const billingModule = defineModule({
  name: 'billing',
  tables: ['billing_settings', 'invoice_sequences', 'invoices', 'invoice_lines', 'payments', 'payment_allocations', 'invoice_reminders', 'billing_runs', ...LOOP_TABLES],
  create: (infra, needs: LoopNeeds) => {
    const billingSettings = new SettingsStore(infra.db, infra.clock);
    const loop = createBillingLoop(infra, needs, billingSettings);
    return {
      services: { billingSettings, ...loop.services },
      handlers: { ...billingHandlers(billingSettings), ...loop.handlers },
      jobTypes: [...loop.jobTypes],
      schedules: [...loop.schedules],
      subscribers: [...loop.subscribers],
    };
  },
});
