import { ZONE_OFFSET_MINUTES, type TimeZone } from './time.js';

/**
 * Calendar days in the tenant's zone, as 'YYYY-MM-DD'. Indonesia's zones are fixed offsets, so the
 * local day of an instant is the UTC day of the instant moved by the offset: a run at 00:01 WIB on
 * the 1st (17:01 UTC the day before) is on the 1st, never on the UTC day before. Dates of this
 * shape compare as strings in calendar order.
 */
const DAY_MS = 24 * 60 * 60_000;

export function localDate(ms: number, zone: TimeZone): string {
  return new Date(ms + ZONE_OFFSET_MINUTES[zone] * 60_000).toISOString().slice(0, 10);
}

/** The day `days` after (or before, when negative) a local date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in a 'YYYY-MM' month (February of a leap year has 29). */
export function daysInMonth(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a local day starts (00:00 in the zone). */
export function startOfLocalDay(date: string, zone: TimeZone): number {
  return Date.parse(`${date}T00:00:00Z`) - ZONE_OFFSET_MINUTES[zone] * 60_000;
}

/** '2026-12-05' as people read it: '05/12/2026'. */
export function formatLocalDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** Whole days from one local date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2026-11' as a customer reads it in a message: 'November 2026'. */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS_ID[Number(month) - 1] ?? month} ${year}`;
}

/** '2026-11' as the office reads it in its language: 'November 2026', 'Desember 2026' / 'December 2026' (screens and reports). */
export function monthLabel(period: string, locale: 'id' | 'en'): string {
  const [year = 0, month = 1] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}
