/**
 * A day as office staff write it, dd/mm/yyyy, in both languages (the way every date in the app is
 * shown), to and from the ISO yyyy-mm-dd that <input type="date"> and the filters speak. The
 * browser's own date box follows the computer's locale instead (mm/dd/yyyy on an English Windows).
 */
export function dayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What was typed, as ISO: "5/1/2026", "05-01-2026" and "05.01.2026" are 5 January 2026. Empty
 * text is '' (no day); anything else that is not a real day is null.
 */
export function parseDayText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A time of day as typed, 24-hour: "7:00", "07.00" and "0700" are 07:00; '' is none; anything else null. */
export function parseClockText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(trimmed);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
