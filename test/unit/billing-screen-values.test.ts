import { describe, expect, it } from 'vitest';
import { addDays, formatSignedRupiah, recentPeriods } from '../../renderer/src/screens/billing/billing-values.js';
import { paymentFormSchema } from '../../renderer/src/screens/billing/payment-form-values.js';

const FORM = { requestKey: '7c0f6a4e-3b1d-4f7e-9a51-0c2d3e4f5a6b', customerId: '01JD0000000000000000000000', amount: '150.000', method: 'cash', reference: '', note: '' };

/** Each wrong field with its message, as the form shows them after one Enter. */
function issues(input: Record<string, string>): Record<string, string> {
  const result = paymentFormSchema.safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('Tagihan screen values', () => {
  it('offers this month and the ones before it, across a new year', () => {
    expect(recentPeriods('2027-02-14', 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
    expect(recentPeriods('2026-12-31', 1)).toEqual(['2026-12']);
  });

  it('counts "this week" on the calendar, across a month and a year', () => {
    expect(addDays('2026-12-29', 6)).toBe('2027-01-04');
    expect(addDays('2028-02-26', 6)).toBe('2028-03-03');
  });

  it('writes a discount or a reversal with a minus in front of the rupiah', () => {
    expect(formatSignedRupiah(-25_000).replace(/\s/g, ' ')).toBe('−Rp 25.000');
    expect(formatSignedRupiah(150_000).replace(/\s/g, ' ')).toBe('Rp 150.000');
  });

  it('reads the amount as the office types it and records cash without a reference', () => {
    const parsed = paymentFormSchema.parse(FORM);
    expect(parsed).toMatchObject({ amount: 150_000, method: 'cash', reference: '', proof: null });
    expect(paymentFormSchema.parse({ ...FORM, amount: 'Rp 75.000' }).amount).toBe(75_000);
  });

  it("asks a transfer for its reference and refuses an amount that is not whole rupiah, by the contract's rules", () => {
    expect(issues({ ...FORM, method: 'bank' })).toEqual({ reference: 'validation.required' });
    expect(issues({ ...FORM, method: 'ewallet', reference: 'DANA-123' })).toEqual({});
    expect(issues({ ...FORM, amount: '' })).toEqual({ amount: 'validation.required' });
    expect(issues({ ...FORM, amount: '12,5' })).toEqual({ amount: 'validation.invalid' });
  });
});
