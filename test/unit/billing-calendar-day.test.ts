import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween } from '../../main/billing/calendar-day.js';

describe("the tenant's calendar day", () => {
  it('is read in the tenant zone: 16:30 UTC is still the 10th in WIB, already the 11th in WITA and WIT', () => {
    const at = Date.UTC(2026, 2, 10, 16, 30);
    expect(dayIn(at, 'Asia/Jakarta')).toBe('2026-03-10');
    expect(dayIn(at, 'Asia/Makassar')).toBe('2026-03-11');
    expect(dayIn(at, 'Asia/Jayapura')).toBe('2026-03-11');
  });

  it('turns at local midnight: 23:59 and 00:01 WIB fall on two days', () => {
    expect(dayIn(Date.UTC(2026, 2, 10, 16, 59), 'Asia/Jakarta')).toBe('2026-03-10');
    expect(dayIn(Date.UTC(2026, 2, 10, 17, 1), 'Asia/Jakarta')).toBe('2026-03-11');
  });

  it('counts days across month and year ends, February included', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-02', -3)).toBe('2025-12-30');
    expect(daysBetween('2026-02-25', '2026-03-04')).toBe(7);
    expect(daysBetween('2026-03-04', '2026-02-25')).toBe(-7);
  });
});
