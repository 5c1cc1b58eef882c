/**
 * The tenant's payment link for an invoice: the pattern with its placeholders filled (URL-encoded,
 * so INV/202612/A-00001 stays one path segment), or null when no pattern is set, which makes a
 * template's `{{#if exists(payment_url)}}` lines drop out. Shared: the core fills the real links,
 * and the settings screen shows the office a live example of the pattern it is typing.
 */
export function fillPaymentUrl(pattern: string, invoice: { id: string; number: string; customerCode: string }): string | null {
  if (pattern === '') return null;
  return pattern
    .replaceAll('{{invoice_number}}', encodeURIComponent(invoice.number))
    .replaceAll('{{invoice_id}}', encodeURIComponent(invoice.id))
    .replaceAll('{{customer_code}}', encodeURIComponent(invoice.customerCode));
}
