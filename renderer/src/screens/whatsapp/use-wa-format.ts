import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_EVENT_KEYS, WA_PROVIDERS, type WaEventKey, type WaProviderKey } from '../../../../shared/domain/wa.js';
import { ZONE_LABELS, formatDateTime } from '../../../../shared/util/time.js';
import { useLocale } from '../../stores/locale-store.js';
import { useTenant } from '../../stores/tenant-store.js';

export function isWaEventKey(value: string): value is WaEventKey {
  return (WA_EVENT_KEYS as readonly string[]).includes(value);
}

export function isWaProvider(value: string): value is WaProviderKey {
  return (WA_PROVIDERS as readonly string[]).includes(value);
}

/** The tenant's zone: schedules and log times are read in it, whatever the computer's clock says. */
export function useTenantZone() {
  return useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
}

/** Instants shown in the tenant's zone with its label (WIB/WITA/WIT), in the reader's language. */
export function useFormatTime(): (iso: string) => string {
  const zone = useTenantZone();
  const locale = useLocale((s) => s.locale);
  return useCallback((iso: string) => formatDateTime(iso, zone, locale), [zone, locale]);
}

/** The time of day on the tenant's clock with its zone (07:00 WIB): when a held message goes. */
export function useFormatClock(): (iso: string) => string {
  const zone = useTenantZone();
  const locale = useLocale((s) => s.locale);
  return useCallback(
    (iso: string) => {
      const time = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
      // id-ID writes 07.00; the office (and the settings page) writes 07:00.
      return `${time.replace('.', ':')} ${ZONE_LABELS[zone]}`;
    },
    [zone, locale],
  );
}

/** A message's kind is its template (Pengingat jatuh tempo, Pesan uji …); unknown keys show as they are. */
export function useTemplateLabel(): (templateKey: string) => string {
  const { t } = useTranslation();
  return useCallback((key: string) => (isWaEventKey(key) ? t(`whatsapp.events.${key}`) : key), [t]);
}

/** The time now on the tenant's clock (09.41), for the preview bubble's corner. */
export function useClockNow(): string {
  const zone = useTenantZone();
  const locale = useLocale((s) => s.locale);
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
}
