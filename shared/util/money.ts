import { z } from 'zod';

/** Rupiah are whole numbers: no sen in practice, and integers keep sums exact. */
export const rupiahSchema = z.number().int().min(0).max(1_000_000_000_000);

export function formatRupiah(amount: number): string {
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}
