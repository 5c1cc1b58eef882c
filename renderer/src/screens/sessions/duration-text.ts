import type { TFunction } from 'i18next';

/**
 * A length of time as people say it, to its two largest units: "2 hari 3 jam", "5 jam 12 menit",
 * "40 detik". An uptime and the age of what a router said both read this way.
 */
export function durationText(t: TFunction, seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return t('sessions.daysHours', { days, hours });
  if (hours > 0) return t('sessions.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('sessions.minutes', { minutes });
  return t('sessions.seconds', { seconds: Math.max(0, Math.floor(seconds)) });
}

/** How old an answer is, counted by this computer's clock against the core's time of the answer. */
export const ageSeconds = (iso: string, now = Date.now()): number => Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
