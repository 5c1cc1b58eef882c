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

/** Formats an instant in the tenant's zone with the zone's local abbreviation, e.g. "20/11/2026 14.05 WIB". */
export function formatDateTime(iso: string, zone: TimeZone, locale: 'id' | 'en'): string {
  const text = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
  return `${text} ${ZONE_LABELS[zone]}`;
}
