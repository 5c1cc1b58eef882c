import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Indonesian numbers arrive as 0812..., +62812..., 62812... or with spaces and dashes.
 * Returns E.164 (+62812...) or null when the number is not a valid phone number.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || /[^\d\s\-+().]/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d]/g, '');
  const international = trimmed.startsWith('+') ? `+${digits}` : digits.startsWith('62') ? `+${digits}` : null;
  const parsed = international
    ? parsePhoneNumberFromString(international)
    : parsePhoneNumberFromString(digits, 'ID');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** The way Indonesians write their own number: 0812-3456-7890 for +6281234567890. */
export function formatPhoneLocal(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const national = `0${e164.slice(3)}`;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

/** Digits a user may type while searching for a number, in both the 08xx and 628xx forms. */
export function phoneSearchForms(term: string): string[] {
  const digits = term.replace(/[^\d]/g, '');
  if (digits.length < 3) return [];
  if (digits.startsWith('0')) return [`62${digits.slice(1)}`];
  return [digits];
}
