import type { Locale } from '../../shared/domain/user.js';
import { formatRupiah } from '../../shared/util/money.js';
import { formatDateTime, type TimeZone } from '../../shared/util/time.js';
import type { ValueFormatter } from './render.js';

export interface FormatOptions {
  /** The tenant's zone: a customer in Jayapura reads WIT times. */
  zone: TimeZone;
  locale: Locale;
}

/** Variable naming carries the type: `amount`, `*_amount`, `*_price` are rupiah, `*_at` instants, `*_date` calendar days. */
function isMoney(name: string): boolean {
  return name === 'amount' || name.endsWith('_amount') || name.endsWith('_price');
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const YES_NO: Record<Locale, [string, string]> = { id: ['ya', 'tidak'], en: ['yes', 'no'] };

/**
 * For renderTemplate's formatValue, rather than pre-formatted variables: conditions such as
 * gt(amount, 0) need the raw number, and only the text put into the message is formatted.
 * Values that do not look like their kind (an amount already typed as text) pass through unchanged.
 */
/** Building an Intl formatter costs more than rendering a whole message: one per locale, made when first needed. */
const calendars = new Map<Locale, Intl.DateTimeFormat>();

function calendarFormat(locale: Locale): Intl.DateTimeFormat {
  let format = calendars.get(locale);
  if (format === undefined) {
    // A due date is a day, not an instant: formatted in UTC so no zone can move it to the day before.
    format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    calendars.set(locale, format);
  }
  return format;
}

export function createValueFormatter({ zone, locale }: FormatOptions): ValueFormatter {
  return (name, value) => {
    if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
    if (typeof value === 'number') return isMoney(name) ? formatRupiah(value) : String(value);
    if (name.endsWith('_at') && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
      return formatDateTime(value, zone, locale);
    }
    if (name.endsWith('_date') && CALENDAR_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
      return calendarFormat(locale).format(new Date(`${value}T00:00:00Z`));
    }
    return value;
  };
}
