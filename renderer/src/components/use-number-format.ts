import { useMemo } from 'react';
import { useLocale } from '../stores/locale-store.js';

/** Counts written the reader's way: 2.000 in Indonesian, 2,000 in English. */
export function useNumberFormat(): (value: number) => string {
  const locale = useLocale((s) => s.locale);
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US');
    return (value: number) => format.format(value);
  }, [locale]);
}
