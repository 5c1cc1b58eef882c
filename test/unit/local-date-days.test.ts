import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate } from '../../shared/util/local-date.js';

/** The day arithmetic the reminder schedule and the overdue scan count with. */
describe("days of the tenant's calendar", () => {
  it('reads the day in the tenant zone: 16:30 UTC is still the 10th in WIB, already the 11th in WITA and WIT', () => {
    const at = Date.UTC(2026, 2, 10, 16, 30);
    expect([localDate(at, 'Asia/Jakarta'), localDate(at, 'Asia/Makassar'), localDate(at, 'Asia/Jayapura')]).toEqual(['2026-03-10', '2026-03-11', '2026-03-11']);
  });

  it('counts days between two dates across month and year ends, February included', () => {
    expect(addDays('2026-01-02', -3)).toBe('2025-12-30');
    expect(daysBetween('2026-02-25', '2026-03-04')).toBe(7);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-04', '2026-02-25')).toBe(-7);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });
});
