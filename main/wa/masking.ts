/** +6281234567890 -> +62812****7890: enough to tell numbers apart in a log, not enough to call. */
export function maskPhone(e164: string): string {
  if (e164.length < 10) return e164.replace(/\d(?=\d{2})/g, '*');
  return `${e164.slice(0, 6)}${'*'.repeat(e164.length - 10)}${e164.slice(-4)}`;
}

/**
 * A log preview: the first part of the message with long digit runs (phone, account and card
 * numbers) hidden. Names stay: office staff need to recognise the message.
 */
export function maskContent(text: string, max = 160): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return short.replace(LONG_DIGITS, keepLastThree).replace(WRITTEN_PHONE, keepLastThree);
}

const LONG_DIGITS = /\+?\d{7,}/g;
/** An Indonesian mobile number as people write it: 0812-3456-7890, +62 812 3456 7890. */
const WRITTEN_PHONE = /(?:\+62|\b62|\b0)\s?8[\d\s-]{6,14}\d/g;

/** Every digit but the last three becomes *, separators stay: 0812-3456-7890 -> ****-****-*890. */
function keepLastThree(run: string): string {
  let keep = 3;
  let out = '';
  for (let i = run.length - 1; i >= 0; i--) {
    const c = run[i] as string;
    if (c >= '0' && c <= '9') out = (keep-- > 0 ? c : '*') + out;
    else out = c + out;
  }
  return out;
}
