import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseRupiah } from '../../renderer/src/components/rupiah-text.js';
import { addLineFormSchema, oneOffFormSchema } from '../../renderer/src/screens/billing/invoice-line-values.js';
import {
  billingSettingsDefaults,
  billingSettingsFormSchema,
  loopSettingsDefaults,
  loopSettingsFormSchema,
  parsePercentBps,
  parseReminderDays,
  percentText,
} from '../../renderer/src/screens/billing/settings/billing-settings-values.js';
import { genericKey } from '../../shared/contract/validation-errors.js';
import { DEFAULT_BILLING_SETTINGS } from '../../shared/domain/billing.js';
import { DEFAULT_LOOP_SETTINGS } from '../../shared/domain/billing-loop.js';
import { fillPaymentUrl } from '../../shared/util/payment-url.js';

/** Each wrong field with its message key, as the form shows them after one Simpan (the form's resolver maps zod's own issues the same way). */
function issues(result: { error?: z.ZodError | undefined }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message.startsWith('validation.') ? issue.message : genericKey(issue)]));
}

const SETTINGS = billingSettingsDefaults({ ...DEFAULT_BILLING_SETTINGS, updatedAt: null });
const INVOICE = '01JD0000000000000000000000';

describe('the rupiah an office types or pastes', () => {
  it.each([
    ['50000', 50_000],
    ['50.000', 50_000],
    ['Rp 50.000', 50_000],
    ['Rp50.000', 50_000],
    ['rp. 1.250.000', 1_250_000],
    ['Rp\u00a050.000', 50_000],
    ['Rp 50.000,-', 50_000],
    ['50.000,00', 50_000],
    [' 75 000 ', 75_000],
  ])('%j is %d', (text, amount) => {
    expect(parseRupiah(text)).toBe(amount);
  });

  it.each([[''], ['50,5'], ['-50.000'], ['lima puluh ribu'], ['Rp'], ['1e5'], ['12345678901234']])('%j is not an amount', (text) => {
    expect(parseRupiah(text)).toBeNull();
  });
});

describe('Tagihan > Pengaturan values', () => {
  it('reads PPN as the office writes it, in basis points, and writes it back the same way', () => {
    expect(parsePercentBps('11')).toBe(1100);
    expect(parsePercentBps('11,5')).toBe(1150);
    expect(parsePercentBps('11.25')).toBe(1125);
    expect(parsePercentBps('0')).toBe(0);
    expect(parsePercentBps('11 %')).toBe(1100);
    expect(parsePercentBps('11,555')).toBeNull();
    expect(parsePercentBps('sebelas')).toBeNull();
    expect(percentText(1150)).toBe('11,5');
    expect(percentText(1100)).toBe('11');
  });

  it('saves the defaults as they were, and a changed PPN in basis points', () => {
    expect(billingSettingsFormSchema.parse(SETTINGS)).toEqual({ ...DEFAULT_BILLING_SETTINGS });
    expect(billingSettingsFormSchema.parse({ ...SETTINGS, ppnPercent: '11', officeCode: ' b2 ' })).toMatchObject({ ppnBps: 1100, officeCode: 'B2' });
  });

  it('shows every wrong field in one round, each with its own message', () => {
    const result = billingSettingsFormSchema.safeParse({ ...SETTINGS, ppnPercent: '11,555', dueDays: '', graceDays: '91', officeCode: 'KANTOR', paymentUrlPattern: 'bayar.id/{{invoice_number}}' });
    expect(issues(result)).toEqual({
      ppnPercent: 'validation.percent',
      dueDays: 'validation.required',
      graceDays: 'validation.tooBig',
      officeCode: 'validation.officeCode',
      paymentUrlPattern: 'validation.url',
    });
    expect(issues(billingSettingsFormSchema.safeParse({ ...SETTINGS, ppnPercent: '101' }))).toEqual({ ppnPercent: 'validation.tooBig' });
  });

  it('reads reminder days as a list of numbers, whatever separates them', () => {
    expect(parseReminderDays('-3, -1, 0')).toEqual([-3, -1, 0]);
    expect(parseReminderDays('−3 ; +2')).toEqual([-3, 2]);
    expect(parseReminderDays('')).toEqual([]);
    expect(parseReminderDays('-3, besok')).toBeNull();
    expect(parseReminderDays('-31')).toBeNull();
    expect(parseReminderDays('1 2 3 4 5 6 7 8 9 10 11')).toBeNull();
  });

  it('saves the loop settings by the contract, and refuses a limit out of its range on its field', () => {
    expect(loopSettingsFormSchema.parse(loopSettingsDefaults(DEFAULT_LOOP_SETTINGS))).toEqual(DEFAULT_LOOP_SETTINGS);
    const result = loopSettingsFormSchema.safeParse({ reminderDays: '-3, x', promiseMaxDays: '0', promiseMaxPerWindow: '2', promiseWindowDays: '400' });
    expect(issues(result)).toEqual({ reminderDays: 'validation.reminderDays', promiseMaxDays: 'validation.tooSmall', promiseWindowDays: 'validation.tooBig' });
  });

  it('fills the payment link example the way the core fills real links', () => {
    expect(fillPaymentUrl('https://bayar.example/{{invoice_number}}?c={{customer_code}}', { id: 'x', number: 'INV/202612/A-00001', customerCode: 'PLG 1' })).toBe(
      'https://bayar.example/INV%2F202612%2FA-00001?c=PLG%201',
    );
    expect(fillPaymentUrl('', { id: 'x', number: 'n', customerCode: 'c' })).toBeNull();
  });
});

describe('invoice lines and one-off invoices as typed', () => {
  it('takes a pasted amount for a discount line', () => {
    expect(addLineFormSchema.parse({ invoiceId: INVOICE, kind: 'discount', description: 'Kompensasi gangguan', amount: 'Rp 25.000' })).toEqual({
      invoiceId: INVOICE,
      kind: 'discount',
      description: 'Kompensasi gangguan',
      amount: 25_000,
    });
  });

  it('refuses an empty description and a zero amount on their fields', () => {
    expect(issues(addLineFormSchema.safeParse({ invoiceId: INVOICE, kind: 'charge', description: ' ', amount: '0' }))).toEqual({
      description: 'validation.required',
      amount: 'validation.required',
    });
  });

  it("marks a one-off invoice's wrong line by its place", () => {
    const result = oneOffFormSchema.safeParse({
      requestKey: '7c0f6a4e-3b1d-4f7e-9a51-0c2d3e4f5a6b',
      customerId: INVOICE,
      lines: [
        { kind: 'charge', description: 'Biaya pasang', amount: '250.000' },
        { kind: 'discount', description: 'Promo', amount: 'lima ribu' },
      ],
    });
    expect(issues(result)).toEqual({ 'lines.1.amount': 'validation.invalid' });
  });
});
