import type { ScheduleDef, ScheduledPayload, Job } from '../jobs/index.js';
import type { TenantService } from '../tenant/index.js';
import { localDate } from '../../shared/util/local-date.js';
import type { OverdueScan, OverdueScanResult } from './overdue-scan.js';
import type { Promises } from './promises.js';
import type { Reminders } from './reminders.js';

export const LOOP_SCAN_JOB = 'billing.loop_scan';

/**
 * Once a day at 08:00 in each tenant's zone: the office is open when customers are cut off or
 * reminded, so they can call or come to pay. A promise "until the 10th" is settled the morning
 * of the 11th.
 */
export const loopScanSchedule: ScheduleDef = { name: 'billing-loop-scan', recurrence: { kind: 'daily', at: '08:00' }, perTenant: true, jobType: LOOP_SCAN_JOB };

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

/**
 * The scheduled job: its day is the slot's day in the tenant's zone (not the day the job happens to
 * run: a scan caught up after midnight still stands for the day it was due).
 */
export const loopScanHandler =
  (parts: Parameters<typeof runLoopDay>[0], tenants: TenantService) =>
  (job: Job): Promise<LoopScanResult> => {
    const { tenantId, slot } = job.payload as ScheduledPayload;
    const tenant = tenantId ?? job.tenantId;
    return Promise.resolve(runLoopDay(parts, tenant, localDate(slot, tenants.zone(tenant))));
  };
