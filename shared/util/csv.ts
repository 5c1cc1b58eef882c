/**
 * CSV text as Excel opens it (written as UTF-8): a UTF-8 BOM (names with é or emoji stay whole), CRLF, fields quoted when
 * they hold the separator, a quote or a line break. Excel on Indonesian Windows splits on ";",
 * on English Windows on ",": the separator follows the language the operator uses.
 */
export function writeCsv(rows: readonly (readonly (string | number | null)[])[], separator: ',' | ';'): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : typeof value === 'number' ? String(value) : inertText(value);
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(separator)).join('\r\n')}\r\n`;
}

/**
 * A number Excel would read as a number and lose its leading 0 (a landline, 0281637123) is written
 * as the formula ="0281637123", which Excel shows as text; the reader takes the text back out.
 */
export const excelText = (value: string): string => (/^\d+$/.test(value) ? `="${value}"` : value);

/**
 * Text that Excel would run as a formula (a name typed as "=HYPERLINK(...)", "+62..." or "@..."): a
 * leading apostrophe makes Excel show it as text, and the reader takes it off again. Our own
 * ="0281..." (above) is the one formula written on purpose. Spreadsheet text cells (XLSX) take the
 * same guard: a cell typed as text is still run as a formula by some importers (LibreOffice's paste).
 */
export function inertText(text: string): string {
  if (/^="\d+"$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
