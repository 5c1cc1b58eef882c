import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay } from '../../main/jobs/index.js';

describe('backoffDelay', () => {
  it('doubles from 2 s after each failed try', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, DEFAULT_BACKOFF))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('is capped at 60 s', () => {
    expect(backoffDelay(6, DEFAULT_BACKOFF)).toBe(60_000);
    expect(backoffDelay(1_000, DEFAULT_BACKOFF)).toBe(60_000);
  });

  it('treats zero attempts like the first', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF)).toBe(2_000);
  });

  it('follows a job type own policy', () => {
    const policy = { baseMs: 500, maxMs: 3_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([500, 1_000, 2_000, 3_000, 3_000]);
  });
});
