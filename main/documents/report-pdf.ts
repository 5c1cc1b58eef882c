import { formatRupiah } from '../../shared/util/money.js';
import { finishPdf, pdfOpener } from './pdf-open.js';
import { pdfSafe } from './pdf-text.js';

/** What a column holds: text on the left, rupiah and counts on the right (as a spreadsheet aligns them). */
export type ReportColumnKind = 'text' | 'rupiah' | 'count';
export interface ReportColumn {
  header: string;
  kind: ReportColumnKind;
  /** Its width in characters, as a spreadsheet counts them; the PDF shares the page out in the same proportions. */
  width: number;
}
/** Null: nothing to show there (a count that has no amount). */
export type ReportCell = string | number | null;
export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
}
/**
 * A report as tables under a heading: one builder (billing's closing) and three writers (CSV, XLSX,
 * and this A4 PDF), so the three files always say the same thing.
 */
export interface ReportDocument {
  isp: string;
  title: string;
  /** Under the title: the days it covers, the zone, when it was made. */
  lines: string[];
  /** Said where a table has no rows, so an empty day reads as empty and not as broken. */
  empty: string;
  tables: ReportTable[];
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM, margin: 15 * MM };
const SIZE = 9;
const PAD = 3;
const COUNT = new Intl.NumberFormat('id-ID');

const shown = (cell: ReportCell, kind: ReportColumnKind): string =>
  cell === null ? '' : typeof cell === 'string' ? cell : kind === 'rupiah' ? formatRupiah(cell) : COUNT.format(cell);

/** Draws the report top to bottom, starting a page (with the table's header again) when a row would not fit. */
class ReportFlow {
  private y = PAGE.margin;
  private readonly width = PAGE.width - 2 * PAGE.margin;
  private readonly bottom = PAGE.height - PAGE.margin;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  text(value: string, options: { bold?: boolean; size?: number; gray?: boolean } = {}): void {
    const text = pdfSafe(value);
    this.doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? SIZE).fillColor(options.gray ? '#555555' : '#000000');
    const height = this.doc.heightOfString(text, { width: this.width });
    this.room(height);
    this.doc.text(text, PAGE.margin, this.y, { width: this.width });
    this.y += height;
  }

  gap(lines: number): void {
    this.y += SIZE * lines;
  }

  table(table: ReportTable, empty: string): void {
    // The title stays with at least the header and one row.
    this.room(SIZE * 6);
    this.text(table.title, { bold: true, size: SIZE * 1.2 });
    this.gap(0.3);
    const total = table.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = table.columns.map((c) => (c.width / total) * this.width);
    const header = () => this.row(table.columns.map((c) => c.header), table.columns, widths, true);
    header();
    if (table.rows.length === 0) this.text(empty, { gray: true });
    for (const row of table.rows) {
      const cells = row.map((cell, i) => shown(cell, table.columns[i]?.kind ?? 'text'));
      if (this.room(this.height(cells, widths))) header();
      this.row(cells, table.columns, widths, false);
    }
    this.gap(1.5);
  }

  private height(cells: string[], widths: number[]): number {
    this.doc.font('Helvetica').fontSize(SIZE);
    return Math.max(...cells.map((c, i) => this.doc.heightOfString(pdfSafe(c), { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
  }

  private row(cells: string[], columns: ReportColumn[], widths: number[], bold: boolean): void {
    const height = this.height(cells, widths);
    this.room(height);
    if (bold) this.doc.save().rect(PAGE.margin, this.y, this.width, height).fill('#eeeeee').restore();
    this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SIZE).fillColor('#000000');
    let x = PAGE.margin;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      const align = columns[i]?.kind === 'text' ? 'left' : 'right';
      this.doc.text(pdfSafe(cell), x + PAD, this.y + PAD, { width: width - 2 * PAD, align });
      x += width;
    });
    this.y += height;
    this.doc.save().moveTo(PAGE.margin, this.y).lineTo(PAGE.margin + this.width, this.y).lineWidth(0.3).strokeColor('#999999').stroke().restore();
  }

  /** True when it had to start a new page. */
  private room(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = PAGE.margin;
    return true;
  }
}

/** The report on A4 pages: the ISP's name, the title and its lines, then each table. */
export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const open = await pdfOpener();
  const doc = open([PAGE.width, PAGE.height], pdfSafe(`${report.title} - ${report.isp}`));
  const flow = new ReportFlow(doc);
  flow.text(report.isp, { bold: true, size: SIZE * 1.6 });
  flow.text(report.title, { bold: true, size: SIZE * 1.3 });
  for (const line of report.lines) flow.text(line, { gray: true });
  flow.gap(1.5);
  for (const table of report.tables) flow.table(table, report.empty);
  return finishPdf(doc);
}
