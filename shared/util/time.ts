import { z } from 'zod';

/** Indonesia's three zones. Stored as IANA names; shown as the abbreviations office staff use. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const timeZoneSchema = z.enum(TIME_ZONES);
export type TimeZone = z.infer<typeof timeZoneSchema>;

export const ZONE_LABELS: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Minutes east of UTC. Indonesia keeps no daylight saving, so a zone's offset never changes. */
export const ZONE_OFFSET_MINUTES: Record<TimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** Formats an instant in the tenant's zone with the zone's local abbreviation, e.g. "20/11/2026 14.05 WIB". */
export function formatDateTime(iso: string, zone: TimeZone, locale: 'id' | 'en'): string {
  const parts = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Office staff write 20/11/2026 14.05; English readers expect 14:05.
  const time = `${part('hour')}${locale === 'id' ? '.' : ':'}${part('minute')}`;
  return `${part('day')}/${part('month')}/${part('year')} ${time} ${ZONE_LABELS[zone]}`;
}
