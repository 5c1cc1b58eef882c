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
  return short.replace(/\+?\d{7,}/g, (run) => `${'*'.repeat(run.length - 3)}${run.slice(-3)}`);
}
