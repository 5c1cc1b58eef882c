import { useCallback } from 'react';
import { formatRupiah } from '../../../../shared/util/money.js';
import { useLocale } from '../../stores/locale-store.js';
import { useTenantZone } from '../whatsapp/use-wa-format.js';

/** Today on the tenant's calendar, 'YYYY-MM-DD' (en-CA writes ISO days): what "today" and "this month" mean to the office. */
export function useTenantToday(): string {
  const zone = useTenantZone();
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The billing months to filter by: this one and the `count - 1` before it, newest first. */
export function recentPeriods(today: string, count: number): string[] {
  const [year = 0, month = 1] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** '2026-12' as the office says it: "Desember 2026" (or "December 2026"). */
export function usePeriodLabel(): (period: string) => string {
  const locale = useLocale((s) => s.locale);
  return useCallback(
    (period: string) => {
      const [year = 0, month = 1] = period.split('-').map(Number);
      return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
    },
    [locale],
  );
}

/** A signed amount (a discount line, a reversal) with a real minus sign in front of the rupiah. */
export function formatSignedRupiah(amount: number): string {
  return amount < 0 ? `−${formatRupiah(-amount)}` : formatRupiah(amount);
}
