import type { CoreInfra } from '../module-kit/index.js';
import type { DomainEvent } from '../../shared/contract/index.js';
import type { CustomersService } from '../customers/index.js';
import type { IsolirCommands } from '../isolir/index.js';
import type { TenantService } from '../tenant/index.js';
import type { WaNotifications } from '../wa/index.js';
import { localDate } from '../../shared/util/local-date.js';
import { Exemptions } from './exemptions.js';
import { loopHandlers } from './loop-handlers.js';
import { loopNotificationRules } from './loop-notifications.js';
import { LOOP_SCAN_JOB, loopScanHandler, loopScanSchedule, PROMISE_SETTLE_JOB, promiseSettleHandler, promiseSettleSchedule, runLoopDay } from './loop-scan.js';
import { LoopSettingsStore } from './loop-settings.js';
import { OverdueScan } from './overdue-scan.js';
import { Promises } from './promises.js';
import { Reminders } from './reminders.js';
import { UnpaidInvoices } from './unpaid-invoices.js';
import type { SettingsStore } from './settings-store.js';
import type { InvoiceStore } from './invoice-store.js';
import type { InvoiceService } from './invoice-service.js';
import type { OverdueQueries } from './overdue-queries.js';

/** What the loop uses of the modules composed before billing. */
export interface LoopNeeds {
  customers: CustomersService;
  isolir: IsolirCommands;
  tenants: TenantService;
  wa: WaNotifications;
}

/** Tables of the loop (migration 028), owned by the billing module. */
export const LOOP_TABLES = ['billing_overdue_isolations', 'billing_exemptions', 'billing_promises', 'billing_loop_settings'] as const;

/**
 * The money loop around invoices (reminders, the overdue scan and auto-isolir, exemptions,
 * promises to pay), wired into the billing module: its services, handlers, job, schedule and
 * subscriber are spread into the module's own.
 */
/** What the loop uses of billing's own parts. */
export interface LoopBilling {
  settings: SettingsStore;
  store: InvoiceStore;
  invoices: InvoiceService;
  overdue: OverdueQueries;
}

export function createBillingLoop(infra: CoreInfra, needs: LoopNeeds, billing: LoopBilling) {
  const { db, bus, clock, ids } = infra;
  const invoices = new UnpaidInvoices(db, billing.store, billing.overdue);
  const settings = new LoopSettingsStore(db, clock, ids);
  const exemptions = new Exemptions(db, bus, needs.customers, clock, ids);
  const promises = new Promises(db, invoices, settings, needs.isolir, needs.customers, bus, clock, ids);
  const policy = { graceDays: (tenantId: string) => billing.settings.get(tenantId).graceDays, promisedCustomers: (tenantId: string) => promises.promisedCustomers(tenantId) };
  const overdue = new OverdueScan(db, invoices, billing.overdue, exemptions, policy, needs.isolir, needs.customers, bus, clock, ids);
  const reminders = new Reminders(db, invoices, billing.overdue, settings, needs.customers, bus);
  const parts = { promises, overdue, reminders };
  const today = (tenantId: string) => localDate(clock.now(), needs.tenants.zone(tenantId));
  for (const rule of loopNotificationRules(needs.customers, billing.invoices, promises)) needs.wa.notifications.register(rule);
  return {
    services: {
      billingLoop: {
        exemptions,
        promises,
        settings,
        /** One tenant's day of the loop now (the bench, tests, a "run now" later). */
        runDay: (tenantId: string, day: string = today(tenantId)) => runLoopDay(parts, tenantId, day),
      },
    },
    handlers: loopHandlers({ exemptions, promises, settings, today }),
    jobTypes: [
      { type: LOOP_SCAN_JOB, handler: loopScanHandler(parts, needs.tenants), options: { onInterrupted: 'retry' as const } },
      { type: PROMISE_SETTLE_JOB, handler: promiseSettleHandler(promises, needs.tenants), options: { onInterrupted: 'retry' as const } },
    ],
    schedules: [loopScanSchedule, promiseSettleSchedule],
    subscribers: [
      // A payment that clears the invoice keeps its promise at once, not at the next morning's scan.
      {
        name: 'billing-promise-kept',
        durable: true,
        handler: (event: DomainEvent) => {
          if (event.name === 'invoice_paid') promises.invoicePaid(event.tenantId, (event as DomainEvent<'invoice_paid'>).payload.invoiceId);
        },
      },
    ],
  };
}
