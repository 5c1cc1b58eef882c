import { defineModule } from '../module-kit/index.js';
import { createBillingLoop, LOOP_TABLES, type LoopNeeds } from './billing-loop.js';
import { billingHandlers } from './handlers.js';
import { SettingsStore } from './settings-store.js';
import { InvoiceStore } from './invoice-store.js';
import { Ledger } from './ledger.js';
import { Allocator } from './allocator.js';
import type { BillingParts } from './billing-parts.js';
import { InvoiceGenerator } from './invoice-generator.js';
import { InvoiceService } from './invoice-service.js';
import { PaymentService } from './payment-service.js';
import { ProofFiles } from './proof-files.js';
import { Reconnector, type IsolirPort } from './reconnector.js';
import { BillingReports } from './reports.js';
import { ReportExporter } from './report-export.js';
import type { TenantProfileService } from '../tenant/index.js';
import { billingNotificationRules } from './notifications.js';
import { OverdueQueries } from './overdue-queries.js';
import { DocumentBuilder } from './document-builder.js';
import { Printing } from './printing.js';

export const BILLING_GENERATE_JOB = 'billing.generate';

/** Invoices, payments and the customer's credit (issue 9); the money loop to isolir and back. */
export const billingModule = defineModule({
  name: 'billing',
  tables: ['billing_settings', 'invoice_sequences', 'invoices', 'invoice_lines', 'payments', 'payment_allocations', 'invoice_reminders', 'billing_runs', ...LOOP_TABLES],
  create: (infra, needs: LoopNeeds & { isolir: IsolirPort; tenantProfiles: Pick<TenantProfileService, 'get'> }) => {
    const billingSettings = new SettingsStore(infra.db, infra.clock);
    const store = new InvoiceStore(infra.db);
    const ledger = new Ledger(infra.db);
    const allocator = new Allocator(store, ledger);
    const context = {
      customers: needs.customers,
      zone: (tenantId: string) => needs.tenants.zone(tenantId),
      settings: (tenantId: string) => billingSettings.get(tenantId),
    };
    const parts: BillingParts = { db: infra.db, bus: infra.bus, clock: infra.clock, ids: infra.ids, invoices: store, ledger, allocator };
    const generator = new InvoiceGenerator(parts, context);
    const invoices = new InvoiceService(parts, context);
    const reconnector = new Reconnector(needs.isolir);
    const payments = new PaymentService(parts, new ProofFiles(infra.dataDir), reconnector, {
      customers: needs.customers,
      zone: context.zone,
      officeCode: (tenantId) => billingSettings.get(tenantId).officeCode,
    });
    const printing = new Printing(
      store,
      new DocumentBuilder(store, ledger, {
        profile: (tenantId) => needs.tenantProfiles.get(tenantId),
        zone: context.zone,
        customer: (tenantId, id) => needs.customers.find(tenantId, id),
        paymentUrlPattern: (tenantId) => billingSettings.get(tenantId).paymentUrlPattern,
      }),
      (tenantId, area) => needs.customers.idsInArea(tenantId, area),
    );
    const reports = new BillingReports(infra.db, infra.clock, context.zone, ledger, needs.customers);
    const exporter = new ReportExporter(reports, needs.tenantProfiles, context.zone, infra.clock);
    const facts = {
      invoice: (tenantId: string, id: string) => invoices.view(tenantId, id),
      payment: (tenantId: string, id: string) => payments.view(tenantId, id),
      balance: (tenantId: string, customerId: string) => {
        const oldest = store.open(tenantId, customerId)[0];
        return { ...payments.balance(tenantId, customerId), oldestOpen: oldest ? invoices.view(tenantId, oldest.id) : null };
      },
    };
    for (const rule of billingNotificationRules(needs.customers, facts)) needs.wa.notifications.register(rule);
    const overdue = new OverdueQueries(infra.db, infra.clock, context.zone, (tenantId) => billingSettings.get(tenantId).paymentUrlPattern);
    // "Overdue" broadcasts reach customers with an invoice past due, isolated or not.
    needs.wa.recipients.provide('overdue', (tenantId) => {
      const ids = overdue.overdueCustomers(tenantId);
      return (['active', 'isolated'] as const).flatMap((status) => needs.customers.contacts(tenantId, { ids, status }));
    });
    // Reminders, the overdue scan and auto-isolir, exemptions, promises to pay (billing-loop.ts).
    const loop = createBillingLoop(infra, needs, { settings: billingSettings, store, invoices, overdue });
    return {
      services: { billingSettings, invoiceGenerator: generator, invoices, payments, billingReports: reports, overdueInvoices: overdue, ...loop.services },
      handlers: { ...billingHandlers({ settings: billingSettings, generator, invoices, payments, reports, exporter, printing }), ...loop.handlers },
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
