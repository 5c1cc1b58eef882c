import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../shared/util/time.js';

export type Recurrence = { kind: 'every'; minutes: number } | { kind: 'daily'; at: string /* 'HH:MM' in each tenant's zone */ };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Refuses a recurrence that could never be due, at registration rather than at 3 a.m. */
export function checkRecurrence(r: Recurrence): void {
  if (r.kind === 'every' && !(Number.isInteger(r.minutes) && r.minutes > 0)) throw new Error(`every ${r.minutes} minutes is not a recurrence`);
  if (r.kind === 'daily' && !HH_MM.test(r.at)) throw new Error(`daily at ${r.at} is not HH:MM`);
}

/** How long one period is: a clock more than this ahead of a recorded slot was wrong. */
export function periodMs(r: Recurrence): number {
  return r.kind === 'every' ? r.minutes * MINUTE : DAY;
}

/**
 * The latest slot at or before `now`: "every N minutes" slots are multiples of N minutes since the
 * epoch (the same instants in every zone), "daily at HH:MM" slots are that wall-clock time in the
 * zone, as UTC instants.
 */
export function latestSlot(r: Recurrence, now: number, zone: TimeZone): number {
  if (r.kind === 'every') {
    const step = r.minutes * MINUTE;
    return Math.floor(now / step) * step;
  }
  const [, hh, mm] = HH_MM.exec(r.at) ?? [];
  const offset = ZONE_OFFSET_MINUTES[zone] * MINUTE;
  const localMidnight = Math.floor((now + offset) / DAY) * DAY;
  const today = localMidnight + (Number(hh) * 60 + Number(mm)) * MINUTE - offset;
  return today <= now ? today : today - DAY;
}

/** The first slot after `slot`. */
export function nextSlot(r: Recurrence, slot: number): number {
  return slot + periodMs(r);
}
