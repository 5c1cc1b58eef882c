import { defineModule } from '../module-kit/index.js';
import { createBillingLoop, LOOP_TABLES, type LoopNeeds } from './billing-loop.js';
import { billingHandlers } from './handlers.js';
import { SettingsStore } from './settings-store.js';
import { InvoiceStore } from './invoice-store.js';
import { Ledger } from './ledger.js';
import { Allocator } from './allocator.js';
import { InvoiceGenerator } from './invoice-generator.js';
import { InvoiceService } from './invoice-service.js';

export const BILLING_GENERATE_JOB = 'billing.generate';

/** Invoices, payments and the customer's credit (issue 9); the money loop to isolir and back. */
export const billingModule = defineModule({
  name: 'billing',
  tables: ['billing_settings', 'invoice_sequences', 'invoices', 'invoice_lines', 'payments', 'payment_allocations', 'invoice_reminders', 'billing_runs', ...LOOP_TABLES],
  create: (infra, needs: LoopNeeds) => {
    const billingSettings = new SettingsStore(infra.db, infra.clock);
    const store = new InvoiceStore(infra.db);
    const ledger = new Ledger(infra.db);
    const allocator = new Allocator(store, ledger);
    const context = {
      customers: needs.customers,
      zone: (tenantId: string) => needs.tenants.zone(tenantId),
      settings: (tenantId: string) => billingSettings.get(tenantId),
    };
    const generator = new InvoiceGenerator(infra.db, infra.bus, infra.clock, infra.ids, store, ledger, allocator, context);
    const invoices = new InvoiceService(infra.db, infra.bus, infra.clock, infra.ids, store, ledger, allocator, context);
    // Reminders, the overdue scan and auto-isolir, exemptions, promises to pay (billing-loop.ts).
    const loop = createBillingLoop(infra, needs, { settings: billingSettings, store, invoices });
    return {
      services: { billingSettings, invoiceGenerator: generator, invoices, ...loop.services },
      handlers: { ...billingHandlers({ settings: billingSettings, generator, invoices }), ...loop.handlers },
      jobTypes: [
        // A rerun makes nothing new, so a run a crash interrupted simply goes again.
        { type: BILLING_GENERATE_JOB, handler: (job) => Promise.resolve(generator.generate(job.tenantId, 'schedule', null)), options: { onInterrupted: 'retry' as const } },
        ...loop.jobTypes,
      ],
      schedules: [
        // Shortly after midnight in each tenant's zone: the day's billing days are due, and a day the
        // app was closed is caught up by the first run after it opens (the scheduler runs a missed slot once).
        { name: BILLING_GENERATE_JOB, recurrence: { kind: 'daily' as const, at: '00:05' }, perTenant: true, jobType: BILLING_GENERATE_JOB },
        ...loop.schedules,
      ],
      subscribers: [...loop.subscribers],
    };
  },
});
