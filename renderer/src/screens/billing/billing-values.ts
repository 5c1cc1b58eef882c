import { formatRupiah } from '../../../../shared/util/money.js';

/** The billing months to filter by: this one and the `count - 1` before it, newest first. */
export function recentPeriods(today: string, count: number): string[] {
  const [year = 0, month = 1] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** A signed amount (a discount line, a reversal) with a real minus sign in front of the rupiah. */
export function formatSignedRupiah(amount: number): string {
  return amount < 0 ? `−${formatRupiah(-amount)}` : formatRupiah(amount);
}

/** The day `days` after an ISO day, on the calendar (no clock, no zone): the end of "this week". */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
