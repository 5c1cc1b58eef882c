import { z } from 'zod';

/** "150.000", "Rp 150.000" and "150000" all mean the same to an Indonesian; null when it is not a whole amount. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.\s]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : null;
}

/** An amount box as typed, on its way to the contract's whole rupiah: forms read it with this. */
export const rupiahTextSchema = z.string().transform((text, ctx) => {
  const amount = parseRupiah(text);
  if (amount !== null) return amount;
  ctx.addIssue({ code: 'custom', message: text.trim() === '' ? 'validation.required' : 'validation.invalid' });
  return z.NEVER;
});
