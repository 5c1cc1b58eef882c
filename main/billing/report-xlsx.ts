import type ExcelJS from 'exceljs';
import { inertText } from '../../shared/util/csv.js';
import type { ReportCell, ReportDocument } from '../documents/index.js';

/** Excel's own rupiah format: "Rp 150.000" in an Indonesian Excel, a number to sum in any. */
const RUPIAH = '"Rp" #,##0';
const COUNT = '#,##0';

/** Excel refuses these in a sheet's name, and names longer than 31 characters. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

const value = (cell: ReportCell) => (typeof cell === 'string' ? inertText(cell) : cell);

/**
 * The report as a workbook: a sheet per table, a bold header row kept in view, rupiah as numbers with
 * the rupiah format. The first sheet starts with the ISP, the title and its lines.
 */
export async function closingXlsx(report: ReportDocument): Promise<Buffer> {
  // Loaded on first use: exceljs takes half a second to import, which every start of the app would pay.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  report.tables.forEach((table, index) => {
    const sheet = book.addWorksheet(sheetName(table.title));
    if (index === 0) {
      sheet.addRow([inertText(report.isp)]).font = { bold: true, size: 14 };
      sheet.addRow([report.title]).font = { bold: true };
      for (const line of report.lines) sheet.addRow([line]);
      sheet.addRow([]);
    }
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of table.rows) sheet.addRow(row.map(value));
    if (table.rows.length === 0) sheet.addRow([report.empty]);
    table.columns.forEach((c, i) => {
      const column: ExcelJS.Column = sheet.getColumn(i + 1);
      column.width = c.width;
      if (c.kind !== 'text') column.numFmt = c.kind === 'rupiah' ? RUPIAH : COUNT;
      if (c.kind !== 'text') column.alignment = { horizontal: 'right' };
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
