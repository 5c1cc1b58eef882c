import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { OverdueQueries } from './overdue-queries.js';
import { addDays, daysBetween } from '../../shared/util/local-date.js';
import type { LoopSettingsStore } from './loop-settings.js';
import type { UnpaidInvoices } from './unpaid-invoices.js';

/**
 * The reminder schedule (days from the due date, default 3 and 1 before and the day itself): each
 * unpaid invoice gets the latest step its due date has reached, if that step was never sent. The
 * step is claimed (billing's invoice_reminders, one row per invoice and stage) in the transaction that publishes
 * invoice_due_reminder, so a rerun, an overlapping run or a second office never repeats one; a day
 * the app was off is caught up with that day's step, not with every step it missed. Quiet hours
 * are WhatsApp's business: this only says that a reminder is due.
 */
export class Reminders {
  constructor(
    private readonly db: Db,
    private readonly invoices: UnpaidInvoices,
    private readonly overdue: OverdueQueries,
    private readonly settings: LoopSettingsStore,
    private readonly customers: CustomersService,
    private readonly bus: EventBus,
  ) {}

  /** Publishes today's reminders for one tenant; returns how many. */
  run(tenantId: string, today: string): number {
    const steps = this.settings.get(tenantId).reminderDays;
    const first = steps[0];
    const last = steps.at(-1);
    if (first === undefined || last === undefined) return 0;
    return this.db
      .transaction(() => {
        let sent = 0;
        // Due on these days, an invoice has reached one of the steps (a step of day s falls on due + s).
        for (const invoice of this.invoices.dueBetween(tenantId, addDays(today, -last), addDays(today, -first))) {
          const reached = daysBetween(invoice.dueDate, today);
          const step = steps.filter((s) => s <= reached).at(-1);
          if (step === undefined) continue;
          if (this.customers.find(tenantId, invoice.customerId)?.status === 'inactive') continue;
          if (!this.overdue.markReminder(tenantId, invoice.id, `remind:${step}`)) continue;
          this.bus.publish('invoice_due_reminder', tenantId, { invoiceId: invoice.id, customerId: invoice.customerId, step });
          sent += 1;
        }
        return sent;
      })
      .immediate();
  }
}
