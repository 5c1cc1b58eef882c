import type { ScheduleDef, ScheduledPayload, Job } from '../jobs/index.js';
import type { TenantService } from '../tenant/index.js';
import { localDate } from '../../shared/util/local-date.js';
import type { OverdueScan, OverdueScanResult } from './overdue-scan.js';
import type { Promises } from './promises.js';
import type { Reminders } from './reminders.js';

export const LOOP_SCAN_JOB = 'billing.loop_scan';
export const PROMISE_SETTLE_JOB = 'billing.promise_settle';

/**
 * Once a day at 08:00 in each tenant's zone: the office is open when customers are cut off or
 * reminded, so they can call or come to pay.
 */
export const loopScanSchedule: ScheduleDef = { name: 'billing-loop-scan', recurrence: { kind: 'daily', at: '08:00' }, perTenant: true, jobType: LOOP_SCAN_JOB };

/**
 * A promise "until the 10th" ends with the 10th: settled at 00:05 on the 11th in the tenant's zone,
 * not at the next morning's scan (which would give every broken promise eight free hours, and
 * teach that "the 10th" means "the 11th at eight"). WhatsApp holds the notice through quiet hours;
 * the 08:00 scan settles again, finding nothing unless this run was missed.
 */
export const promiseSettleSchedule: ScheduleDef = { name: 'billing-promise-settle', recurrence: { kind: 'daily', at: '00:05' }, perTenant: true, jobType: PROMISE_SETTLE_JOB };

export interface LoopScanResult extends OverdueScanResult {
  day: string;
  promisesBroken: number;
  reminders: number;
}

/** One tenant's day of the loop, in order: promises first (a broken one isolates, a kept one frees), then overdue, then reminders. */
export function runLoopDay(parts: { promises: Promises; overdue: OverdueScan; reminders: Reminders }, tenantId: string, day: string): LoopScanResult {
  const promisesBroken = parts.promises.settle(tenantId, day);
  const overdue = parts.overdue.run(tenantId, day);
  const reminders = parts.reminders.run(tenantId, day);
  return { day, promisesBroken, ...overdue, reminders };
}

/** A scheduled job's tenant and day: the slot's day in the tenant's zone. */
function slotDay(job: Job, tenants: TenantService): { tenant: string; day: string } {
  const { tenantId, slot } = job.payload as ScheduledPayload;
  const tenant = tenantId ?? job.tenantId;
  return { tenant, day: localDate(slot, tenants.zone(tenant)) };
}

/**
 * The scheduled job: its day is the slot's day in the tenant's zone (not the day the job happens to
 * run: a scan caught up after midnight still stands for the day it was due).
 */
export const loopScanHandler =
  (parts: Parameters<typeof runLoopDay>[0], tenants: TenantService) =>
  (job: Job): Promise<LoopScanResult> => {
    const { tenant, day } = slotDay(job, tenants);
    return Promise.resolve(runLoopDay(parts, tenant, day));
  };

/** The end-of-day job: only promises, which are settled for the slot's day (the day after the promised one). */
export const promiseSettleHandler =
  (promises: Promises, tenants: TenantService) =>
  (job: Job): Promise<{ day: string; promisesBroken: number }> => {
    const { tenant, day } = slotDay(job, tenants);
    return Promise.resolve({ day, promisesBroken: promises.settle(tenant, day) });
  };
