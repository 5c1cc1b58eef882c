import { Failure } from '../../platform/index.js';
import { IMPORT_MAX_ROWS } from '../../../shared/domain/customer-import.js';
import { readCsv } from './csv-reader.js';
import { readXlsx } from './xlsx-reader.js';

/**
 * What every source is read into before mapping: a header row and rows of text, each with its line
 * as the operator sees it (in Excel, in the CSV). A spreadsheet gives it here; a router's PPP
 * secrets will give it with the column names Mikhmon uses (name, password, profile, service,
 * comment, disabled), and the mapping, preview and apply that follow are the same.
 */
export interface ImportTable {
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (.xls): not read; Excel and LibreOffice save it again as .xlsx in two clicks. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const fileError = (key: string, params: Record<string, number> = {}) =>
  new Failure('VALIDATION_FAILED', {}, { file: { key, params } });

export async function readImportTable(bytes: Uint8Array, sheet: string | null): Promise<ImportTable> {
  if (startsWith(bytes, OLE)) throw fileError('importErrors.xls');
  if (startsWith(bytes, ZIP)) {
    const book = await readXlsx(bytes).catch(() => {
      throw fileError('importErrors.unreadable');
    });
    const rows = book.rows(sheet);
    if (rows === null) throw fileError('importErrors.noSheet');
    return toTable(book.sheets, sheet ?? book.sheets[0] ?? null, rows);
  }
  return toTable([], null, readCsv(bytes));
}

/** The first row with anything in it is the header; rows with nothing in them are left out, not reported. */
function toTable(sheets: string[], sheet: string | null, raw: string[][]): ImportTable {
  const filled = (cells: string[]) => cells.some((c) => c.trim().length > 0);
  const headerIndex = raw.findIndex(filled);
  if (headerIndex < 0) throw fileError('importErrors.empty');
  const rows: ImportTable['rows'] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const cells = raw[i] ?? [];
    if (filled(cells)) rows.push({ line: i + 1, cells });
  }
  if (rows.length > IMPORT_MAX_ROWS) throw fileError('importErrors.tooManyRows', { max: IMPORT_MAX_ROWS });
  return { sheets, sheet, headers: (raw[headerIndex] ?? []).map((h) => h.trim()), rows };
}
