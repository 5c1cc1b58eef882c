import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../shared/util/time.js';

const DAY_MS = 86_400_000;

/**
 * The tenant's calendar day of an instant (YYYY-MM-DD). Days are compared as days, never as UTC
 * instants: 00:30 WIT on the 11th is still the 10th in UTC, and a scan that read it so would
 * isolate a day late in Papua.
 */
export function dayIn(ms: number, zone: TimeZone): string {
  return new Date(ms + ZONE_OFFSET_MINUTES[zone] * 60_000).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for a negative n). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
