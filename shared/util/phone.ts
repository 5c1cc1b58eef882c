import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * What a copied number carries besides itself: direction marks and zero-width characters from a
 * phone's contact card or WhatsApp, non-breaking and narrow spaces, typographic dashes and the
 * minus sign. They are read as the plain spaces and dashes people meant.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Links and prefixes a number is pasted with: tel:, wa.me/, api.whatsapp.com/send?phone=. */
const LINK_PREFIX = /^(?:tel:|(?:https?:\/\/)?(?:wa\.me\/|(?:api|web)\.whatsapp\.com\/send\/?\?phone=))/i;

/** A pasted number as the plain characters it means, or null when it is not a number at all. */
function cleanPaste(input: string): string | null {
  let text = input.replace(INVISIBLE, '').replace(SPACES, ' ').replace(DASHES, '-').trim();
  text = text.replace(LINK_PREFIX, '');
  // "+62 (0)812..." and "+62 0812...": the trunk zero written after the country code.
  text = text.replace(/^\+?\s*62[\s-]*(?:\(0\)|0)[\s-]*(?=8)/, '+62 ');
  if (text.length === 0 || text.length > 32 || /[^\d\s\-+().]/.test(text)) return null;
  return text;
}

/**
 * Indonesian numbers arrive as 0812..., +62812..., 62812..., 812... (the zero left out), with
 * spaces, dashes, dots and brackets, and as pasted from a contact card or a wa.me link.
 * Returns E.164 (+62812...) or null when the number is not a valid phone number.
 */
export function normalizePhone(input: string): string | null {
  const cleaned = cleanPaste(input);
  if (cleaned === null) return null;
  const digits = cleaned.replace(/[^\d]/g, '');
  const international = cleaned.startsWith('+') ? `+${digits}` : digits.startsWith('62') ? `+${digits}` : null;
  const national = /^8\d{8,11}$/.test(digits) ? `0${digits}` : digits;
  const parsed = international ? parsePhoneNumberFromString(international) : parsePhoneNumberFromString(national, 'ID');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/**
 * Whether an E.164 number is an Indonesian mobile, the only kind WhatsApp notifications go to:
 * 08xx numbers of 10 to 13 digits. Landlines (021-..., 0274-...) and foreign numbers are not.
 */
export function isIndonesianMobile(e164: string): boolean {
  return /^\+628\d{8,11}$/.test(e164);
}

/** The way Indonesians write their own number: 0812-3456-7890 for +6281234567890, 0281637123 for a landline. */
export function formatPhoneLocal(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const national = `0${e164.slice(3)}`;
  // Area codes differ in length (021, 0281): a landline is left ungrouped rather than grouped wrongly.
  return isIndonesianMobile(e164) ? national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3') : national;
}

/** Digits a user may type while searching for a number, in both the 08xx and 628xx forms. */
export function phoneSearchForms(term: string): string[] {
  const digits = term.replace(/[^\d]/g, '');
  if (digits.length < 3) return [];
  if (digits.startsWith('0')) return [`62${digits.slice(1)}`];
  return [digits];
}
