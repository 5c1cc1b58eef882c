import { useCallback } from 'react';
import { monthLabel } from '../../../../shared/util/local-date.js';
import { useLocale } from '../../stores/locale-store.js';
import { useTenantZone } from '../whatsapp/use-wa-format.js';

/** Today on the tenant's calendar, 'YYYY-MM-DD' (en-CA writes ISO days): what "today" and "this month" mean to the office. */
export function useTenantToday(): string {
  const zone = useTenantZone();
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** '2026-12' as the office says it: "Desember 2026" (or "December 2026"). */
export function usePeriodLabel(): (period: string) => string {
  const locale = useLocale((s) => s.locale);
  return useCallback((period: string) => monthLabel(period, locale), [locale]);
}

