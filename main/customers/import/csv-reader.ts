/**
 * A CSV file as Excel, LibreOffice, PHPNuxBill and Mikhmon write it: comma, semicolon (Excel with
 * Indonesian regional settings) or tab between fields, fields quoted with "" for a quote inside,
 * line breaks inside quotes, CRLF or LF, a UTF-8 BOM, and Excel's "sep=;" first line. Old Excel
 * saves "CSV" in Windows-1252, so bytes that are not valid UTF-8 are read as that.
 */
export function readCsv(bytes: Uint8Array): string[][] {
  let text = decodeText(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) text = text.slice(sepLine[0].length);
  const delimiter = sepLine?.[1] ?? guessDelimiter(text);
  return parse(text, delimiter).map((row) => row.map(plainText));
}

/**
 * ="0812..." is how a number is kept as text in a CSV for Excel, and '=... how a formula-looking
 * text is kept from running (ours write both): the cell's text is what is inside.
 */
const plainText = (cell: string): string => /^="(.*)"$/s.exec(cell)?.[1] ?? /^'([=+\-@].*)$/s.exec(cell)?.[1] ?? cell;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The candidate found most often outside quotes on the first line wins; a comma when none is. */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

function parse(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
