import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../../shared/util/time.js';

/** "22:00"-"06:00" style window in the tenant's zone; crossing midnight is the usual case. */
export interface QuietHours {
  start: string;
  end: string;
}

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * When a message due at `now` may go out: `now` itself outside the window, else the window's end
 * (messages due during quiet hours wait until the morning, they are not dropped).
 */
export function nextAllowedTime(now: number, zone: TimeZone, quiet: QuietHours | null): number {
  if (!quiet || quiet.start === quiet.end) return now;
  const offset = ZONE_OFFSET_MINUTES[zone] * 60_000;
  const local = now + offset;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const minute = Math.floor((local - dayStart) / 60_000);
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return now;
  const endDay = crossesMidnight && minute >= start ? dayStart + 86_400_000 : dayStart;
  return endDay + end * 60_000 - offset;
}
