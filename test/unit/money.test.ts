import { describe, expect, it } from 'vitest';
import { formatRupiah, rupiahSchema } from '../../shared/util/money.js';

/** Intl puts a no-break space after "Rp"; the screen shows a space either way. */
const plain = (s: string) => s.replace(/\s/gu, ' ');

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [1_500, 'Rp 1.500'],
    [150_000, 'Rp 150.000'],
    [1_250_000, 'Rp 1.250.000'],
    [1_234_567_890, 'Rp 1.234.567.890'],
  ])('%d -> %s', (amount, text) => {
    expect(plain(formatRupiah(amount))).toBe(text);
  });

  it('never shows sen', () => {
    expect(formatRupiah(150_000)).not.toMatch(/,/);
  });
});

describe('rupiahSchema', () => {
  it('accepts whole non-negative rupiah', () => {
    expect(rupiahSchema.safeParse(0).success).toBe(true);
    expect(rupiahSchema.safeParse(150_000).success).toBe(true);
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['150000'], [1e13]])('refuses %j', (value) => {
    expect(rupiahSchema.safeParse(value).success).toBe(false);
  });
});
