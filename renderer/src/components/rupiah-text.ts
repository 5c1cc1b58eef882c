import { z } from 'zod';

/**
 * "150.000", "Rp 150.000", "Rp150.000,-", "150.000,00" and "150000" all mean the same to an
 * Indonesian (the ",-" and ",00" come pasted from invoices and bank apps); null when it is not a
 * whole amount. "150,5" is refused rather than guessed: rupiah have no sen.
 */
export function parseRupiah(text: string): number | null {
  const digits = text
    .replace(/^\s*rp\.?\s*/i, '')
    .replace(/,(-|0{1,2})\s*$/, '')
    .replace(/[.\s]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : null;
}

/** An amount box as typed, on its way to the contract's whole rupiah: forms read it with this. */
export const rupiahTextSchema = z.string().transform((text, ctx) => {
  const amount = parseRupiah(text);
  if (amount !== null) return amount;
  ctx.addIssue({ code: 'custom', message: text.trim() === '' ? 'validation.required' : 'validation.invalid' });
  return z.NEVER;
});
