import { describe, expect, it } from 'vitest';
import { dayText, parseClockText, parseDayText } from '../../renderer/src/components/day-text.js';

describe('day text (dd/mm/yyyy)', () => {
  it('shows an ISO day the Indonesian way', () => {
    expect(dayText('2026-01-05')).toBe('05/01/2026');
    expect(dayText('')).toBe('');
  });

  it.each([
    ['05/01/2026', '2026-01-05'],
    ['5/1/2026', '2026-01-05'],
    ['05-01-2026', '2026-01-05'],
    ['05.01.2026', '2026-01-05'],
    [' 29/02/2028 ', '2028-02-29'],
    ['', ''],
  ])('reads %j as %j', (text, iso) => {
    expect(parseDayText(text)).toBe(iso);
  });

  it.each([['31/02/2026'], ['2026-01-05'], ['01/13/2026'], ['5 Jan 2026'], ['05/01/26'], ['00/01/2026']])('refuses %j', (text) => {
    expect(parseDayText(text)).toBeNull();
  });
});

describe('clock text (24-hour)', () => {
  it('reads the ways a time is typed', () => {
    expect(parseClockText('8.00')).toBe('08:00');
    expect(parseClockText('07:30')).toBe('07:30');
    expect(parseClockText('2359')).toBe('23:59');
    expect(parseClockText(' ')).toBe('');
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['24:00', '7:60', '8 pagi', '8:00 PM', '8']) expect(parseClockText(text)).toBeNull();
  });
});
