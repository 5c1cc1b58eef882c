import { describe, expect, it } from 'vitest';
import { dayText, parseDayText } from '../../renderer/src/components/day-text.js';

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
