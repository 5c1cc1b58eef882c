import { describe, expect, it } from 'vitest';
import { routerDate, routerDuration } from '../../main/network/adapters/routeros/router-values.js';

describe('RouterOS values', () => {
  it('reads dates before 7.10 (jul/14/2023, any case) and from 7.10 on (2023-07-14) as the same day', () => {
    expect(routerDate('jul/14/2023')).toBe('2023-07-14');
    expect(routerDate('Jul/14/2023 10:00:00')).toBe('2023-07-14 10:00:00');
    expect(routerDate('2023-07-14')).toBe('2023-07-14');
    expect(routerDate('2023-07-14 10:00:00')).toBe('2023-07-14 10:00:00');
    expect(routerDate('dec/01/2026')).toBe('2026-12-01');
  });

  it('gives null for what is not a RouterOS date', () => {
    expect(routerDate('')).toBeNull();
    expect(routerDate('xyz/14/2023')).toBeNull();
    expect(routerDate('14/07/2023')).toBeNull();
  });

  it('reads uptimes and durations as seconds, in both notations', () => {
    expect(routerDuration('1w2d3h4m5s')).toBe(604_800 + 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5);
    expect(routerDuration('5m')).toBe(300);
    expect(routerDuration('3d04:05:06')).toBe(3 * 86_400 + 4 * 3_600 + 5 * 60 + 6);
    expect(routerDuration('00:00:09')).toBe(9);
    expect(routerDuration('1s500ms')).toBe(1);
    expect(routerDuration('')).toBe(0);
  });
});
