import type { TimeZone } from '../../../../shared/util/time.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (WIB: 7 h). */
function zoneOffsetMs(zone: TimeZone, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A wall-clock time typed into a date or datetime-local input, read in the tenant's zone (not the
 * computer's), as the ISO UTC instant the core stores. Null when the text is not such a time.
 */
export function zonedInputToIso(local: string, zone: TimeZone): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0'] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  return new Date(wall - zoneOffsetMs(zone, wall)).toISOString();
}

/** The same day's midnight a day later: the end of a date range picked as whole days. */
export function nextDayInput(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}
