/** RouterOS's text values read into numbers and ISO dates, whatever the version writes. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A RouterOS date as YYYY-MM-DD (a time after it is kept, "YYYY-MM-DD HH:MM:SS"). Before 7.10
 * RouterOS wrote `jul/14/2023` (month name, any case); from 7.10 on `2023-07-14`. Null for anything else.
 */
export function routerDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})( \d{2}:\d{2}:\d{2})?$/.exec(text.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}${iso[4] ?? ''}`;
  const old = /^([a-z]{3})\/(\d{2})\/(\d{4})( \d{2}:\d{2}:\d{2})?$/i.exec(text.trim());
  if (!old) return null;
  const month = MONTHS.indexOf((old[1] as string).toLowerCase());
  if (month < 0) return null;
  return `${old[3]}-${String(month + 1).padStart(2, '0')}-${old[2]}${old[4] ?? ''}`;
}

const UNIT_SECONDS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/** "1w2d3h4m5s" (and 6.x's "3d04:05:06") as seconds; milliseconds ("500ms") are dropped. */
export function routerDuration(text: string): number {
  let seconds = 0;
  let rest = text.trim();
  const clock = /(\d+):(\d{2}):(\d{2})$/.exec(rest);
  if (clock) {
    seconds += Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    rest = rest.slice(0, clock.index);
  }
  for (const [, amount, unit] of rest.matchAll(/(\d+)(ms|[wdhms])/g)) {
    if (unit !== 'ms') seconds += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0);
  }
  return seconds;
}
