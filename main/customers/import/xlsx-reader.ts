import type ExcelJS from 'exceljs';

export interface Workbook {
  sheets: string[];
  /** The rows of the chosen sheet as text; null when the workbook has no sheet of that name. */
  rows(sheet: string | null): string[][] | null;
}

/** An .xlsx workbook (Excel, LibreOffice, Google Sheets, Mikhmon's export) read into rows of text, sheet by sheet. */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  // Loaded on first use: exceljs takes half a second to import, which every start of the app would pay.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets = book.worksheets.map((s) => s.name);
  return {
    sheets,
    rows(sheet) {
      const chosen = sheet === null ? book.worksheets[0] : book.worksheets.find((s) => s.name === sheet);
      if (!chosen) return null;
      const rows: string[][] = [];
      // Row numbers are kept (an empty row stays an empty row) so a skipped row's line is Excel's.
      chosen.eachRow({ includeEmpty: true }, (row, number) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cellText(cell.value);
        });
        rows[number - 1] = Array.from(cells, (c) => c ?? '');
      });
      return Array.from(rows, (r) => r ?? []);
    },
  };
}

/**
 * A cell as the text the operator sees: a phone typed as a number (its leading 0 already lost,
 * which the phone rules put back), a date as YYYY-MM-DD, rich text joined, a link's text, a
 * formula's result.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  return '';
}
