import { describe, expect, it } from 'vitest';
import { nextAllowedTime, type QuietHours } from '../../main/wa/dispatch/quiet-hours.js';
import { seededRandom } from '../../main/demo/demo-town.js';
import { TIME_ZONES, ZONE_OFFSET_MINUTES, type TimeZone } from '../../shared/util/time.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NIGHT: QuietHours = { start: '21:00', end: '07:00' };
const LUNCH: QuietHours = { start: '12:00', end: '13:00' };

/** An instant given as a wall-clock time in an Indonesian zone (fixed offsets: no daylight saving). */
function local(zone: TimeZone, day: number, hhmm: string, seconds = 0): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(2026, 0, day, h, m - ZONE_OFFSET_MINUTES[zone], seconds);
}

/** The reference: the local time-of-day read through Intl, independent of the code under test. */
function isQuiet(at: number, zone: TimeZone, quiet: QuietHours): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const minute = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

describe('nextAllowedTime', () => {
  describe.each(TIME_ZONES)('quiet hours 21:00-07:00 (crossing midnight) in %s', (zone) => {
    it('lets a message out at once before the window and from its end', () => {
      for (const at of [local(zone, 5, '07:00'), local(zone, 5, '12:00'), local(zone, 5, '20:59', 59)]) {
        expect(nextAllowedTime(at, zone, NIGHT)).toBe(at);
      }
    });

    it('holds a message due in the evening until 07:00 the next local morning', () => {
      for (const at of [local(zone, 5, '21:00'), local(zone, 5, '22:30', 15), local(zone, 5, '23:59', 59)]) {
        expect(nextAllowedTime(at, zone, NIGHT)).toBe(local(zone, 6, '07:00'));
      }
    });

    it('holds a message due after midnight until 07:00 the same local morning', () => {
      for (const at of [local(zone, 6, '00:00'), local(zone, 6, '03:00'), local(zone, 6, '06:59', 59)]) {
        expect(nextAllowedTime(at, zone, NIGHT)).toBe(local(zone, 6, '07:00'));
      }
    });
  });

  describe.each(TIME_ZONES)('quiet hours 12:00-13:00 (same day) in %s', (zone) => {
    it('holds only inside the window, until its end', () => {
      expect(nextAllowedTime(local(zone, 5, '11:59', 59), zone, LUNCH)).toBe(local(zone, 5, '11:59', 59));
      expect(nextAllowedTime(local(zone, 5, '12:00'), zone, LUNCH)).toBe(local(zone, 5, '13:00'));
      expect(nextAllowedTime(local(zone, 5, '12:59', 30), zone, LUNCH)).toBe(local(zone, 5, '13:00'));
      expect(nextAllowedTime(local(zone, 5, '13:00'), zone, LUNCH)).toBe(local(zone, 5, '13:00'));
      expect(nextAllowedTime(local(zone, 5, '23:30'), zone, LUNCH)).toBe(local(zone, 5, '23:30'));
    });
  });

  it('reads the window in the tenant zone: 22:00 WIB is 23:00 WITA and midnight WIT', () => {
    const at = local('Asia/Jakarta', 5, '22:00');
    expect(nextAllowedTime(at, 'Asia/Jakarta', { start: '22:30', end: '06:00' })).toBe(at);
    expect(nextAllowedTime(at, 'Asia/Makassar', { start: '22:30', end: '06:00' })).toBe(local('Asia/Makassar', 6, '06:00'));
    // Local midnight in Jayapura is still the previous UTC day: the end is 06:00 of the local day.
    expect(nextAllowedTime(at, 'Asia/Jayapura', { start: '22:30', end: '06:00' })).toBe(local('Asia/Jayapura', 6, '06:00'));
  });

  it('no window, or an empty one, never holds a message', () => {
    const at = local('Asia/Jakarta', 5, '23:00');
    expect(nextAllowedTime(at, 'Asia/Jakarta', null)).toBe(at);
    expect(nextAllowedTime(at, 'Asia/Jakarta', { start: '22:00', end: '22:00' })).toBe(at);
  });

  it('always answers the earliest allowed instant (randomised against an Intl reference)', () => {
    const random = seededRandom(2026);
    const hhmm = () => `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    for (let i = 0; i < 3_000; i++) {
      const zone = TIME_ZONES[i % 3] as TimeZone;
      const quiet = { start: hhmm(), end: hhmm() };
      const now = Date.UTC(2026, 0, 1) + Math.floor(random() * 400 * DAY);
      const allowed = nextAllowedTime(now, zone, quiet);
      const label = `${new Date(now).toISOString()} ${zone} ${quiet.start}-${quiet.end}`;
      if (!isQuiet(now, zone, quiet)) {
        expect(allowed, label).toBe(now);
        continue;
      }
      expect(allowed, label).toBeGreaterThan(now);
      expect(allowed - now, label).toBeLessThanOrEqual(DAY);
      expect(isQuiet(allowed, zone, quiet), label).toBe(false);
      // Earliest: the millisecond before is still quiet, and it is a whole local minute.
      expect(isQuiet(allowed - 1, zone, quiet), label).toBe(true);
      expect(allowed % MINUTE, label).toBe(0);
    }
  });
});
