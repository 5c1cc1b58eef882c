import type { BillingDocument, PaperSize } from '../../shared/domain/billing-document.js';
import type { Locale } from '../../shared/domain/user.js';
import type { Logo } from '../../shared/domain/tenant-profile.js';
import { documentView, type DocumentView, type Row } from './document-view.js';
import { pdfSafe } from './pdf-text.js';
import { finishPdf, pdfOpener } from './pdf-open.js';

const MM = 72 / 25.4;
/** The tallest page a PDF may have (200 inches): room to measure a thermal receipt before cutting it to length. */
const MEASURE_HEIGHT = 14_400;

interface Paper {
  width: number;
  /** Null: a thermal roll, as long as the receipt. */
  height: number | null;
  margin: number;
  font: string;
  bold: string;
  size: number;
  logo: { width: number; height: number };
}

/** Thermal heads print 48 mm of a 58 mm roll and 72 mm of an 80 mm one; Courier keeps columns as on the printer. */
const PAPERS: Record<PaperSize, Paper> = {
  '58mm': { width: 58 * MM, height: null, margin: 5 * MM, font: 'Courier', bold: 'Courier-Bold', size: 7, logo: { width: 24 * MM, height: 14 * MM } },
  '80mm': { width: 80 * MM, height: null, margin: 4 * MM, font: 'Courier', bold: 'Courier-Bold', size: 8, logo: { width: 30 * MM, height: 16 * MM } },
  a4: { width: 210 * MM, height: 297 * MM, margin: 15 * MM, font: 'Helvetica', bold: 'Helvetica-Bold', size: 10, logo: { width: 30 * MM, height: 22 * MM } },
};

/** pdfkit's own image reader, in its JavaScript but not in @types/pdfkit: the logo's size before it is drawn. */
interface ImageReader {
  openImage(src: Buffer): { width: number; height: number };
}

interface Area {
  x: number;
  width: number;
}

/** Writes top to bottom, wrapping long text and starting a new page (A4) when the next thing would not fit. */
class Flow {
  y: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly paper: Paper,
    private readonly area: Area,
    private readonly bottom: number,
  ) {
    this.y = paper.margin;
  }

  get full(): Area {
    return this.area;
  }

  private font(strong: boolean | undefined, scale = 1): void {
    this.doc.font(strong ? this.paper.bold : this.paper.font).fontSize(this.paper.size * scale);
  }

  private room(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = this.paper.margin;
  }

  gap(lines = 0.5): void {
    this.y += this.paper.size * lines;
  }

  text(value: string, options: { strong?: boolean; scale?: number; align?: 'left' | 'center' | 'right'; area?: Area } = {}): void {
    const { x, width } = options.area ?? this.area;
    const text = pdfSafe(value);
    this.font(options.strong, options.scale);
    const height = this.doc.heightOfString(text, { width });
    this.room(height);
    this.doc.text(text, x, this.y, { width, align: options.align ?? 'left' });
    this.y += height;
  }

  /**
   * A label on the left and its value on the right, on one line when both fit; otherwise the label
   * wraps beside the value, or, when the value is long too (an address), the value goes below it.
   */
  row(row: Row, area: Area = this.area): void {
    const label = pdfSafe(row.label);
    const value = pdfSafe(row.value);
    this.font(row.strong);
    const gap = this.paper.size;
    const valueWidth = this.doc.widthOfString(value);
    if (valueWidth <= area.width * 0.6) {
      const labelWidth = area.width - valueWidth - gap;
      const height = Math.max(this.doc.heightOfString(label, { width: labelWidth }), this.doc.currentLineHeight(true));
      this.room(height);
      this.doc.text(label, area.x, this.y, { width: labelWidth });
      this.doc.text(value, area.x + area.width - valueWidth, this.y, { width: valueWidth, lineBreak: false });
      this.y += height;
      return;
    }
    this.text(row.label, { strong: row.strong, area });
    this.text(row.value, { strong: row.strong, align: 'right', area });
  }

  rows(rows: Row[], area?: Area): void {
    for (const row of rows) this.row(row, area);
  }

  rule(area: Area = this.area): void {
    this.room(this.paper.size);
    const y = this.y + this.paper.size * 0.4;
    this.doc.save().moveTo(area.x, y).lineTo(area.x + area.width, y).lineWidth(0.5).dash(2, { space: 2 }).stroke().restore();
    this.y += this.paper.size * 0.8;
  }

  /** A logo pdfkit cannot decode (a corrupt or exotic file that passed the magic-bytes check) is left out: the receipt still prints. */
  logo(logo: Logo, box: { width: number; height: number }, align: 'center' | 'left'): { width: number; height: number } | null {
    const bytes = Buffer.from(logo.base64, 'base64');
    let image: { width: number; height: number };
    try {
      image = (this.doc as unknown as ImageReader).openImage(bytes);
    } catch {
      return null;
    }
    const scale = Math.min(box.width / image.width, box.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    const x = align === 'center' ? this.area.x + (this.area.width - width) / 2 : this.area.x;
    this.doc.image(bytes, x, this.y, { width, height });
    return { width, height };
  }

  stamp(text: string): void {
    const width = this.area.width * 0.6;
    const x = this.area.x + (this.area.width - width) / 2;
    this.font(true, 1.4);
    const height = this.doc.currentLineHeight(true) + this.paper.size;
    this.room(height);
    this.doc.save().rect(x, this.y, width, height).lineWidth(1.5).stroke().restore();
    this.doc.text(pdfSafe(text), x, this.y + this.paper.size / 2, { width, align: 'center' });
    this.y += height + this.paper.size * 0.5;
  }
}

function thermal(flow: Flow, view: DocumentView, paper: Paper): void {
  if (view.isp.logo) {
    const drawn = flow.logo(view.isp.logo, paper.logo, 'center');
    if (drawn) flow.y += drawn.height + paper.size * 0.4;
  }
  flow.text(view.isp.name, { strong: true, scale: 1.3, align: 'center' });
  for (const line of view.isp.lines) flow.text(line, { align: 'center' });
  flow.gap();
  flow.text(view.title, { strong: true, scale: 1.2, align: 'center' });
  flow.rows(view.meta);
  flow.rule();
  flow.rows(view.customer);
}

function a4(flow: Flow, view: DocumentView, paper: Paper): void {
  const { x, width } = flow.full;
  const top = flow.y;
  const drawn = view.isp.logo ? flow.logo(view.isp.logo, paper.logo, 'left') : null;
  const beside = drawn ? { x: x + drawn.width + 6 * MM, width: width / 2 } : { x, width: width / 2 };
  flow.text(view.isp.name, { strong: true, scale: 1.5, area: beside });
  for (const line of view.isp.lines) flow.text(line, { area: beside });
  const ispBottom = Math.max(flow.y, top + (drawn?.height ?? 0));
  flow.y = top;
  flow.text(view.title, { strong: true, scale: 2, align: 'right' });
  flow.y = Math.max(flow.y, ispBottom) + paper.size;
  flow.rule();

  const half = (width - 10 * MM) / 2;
  const partiesTop = flow.y;
  const [name, ...details] = view.customer;
  const area = { x, width: half };
  flow.text(view.labels.customer, { strong: true, area });
  if (name) flow.text(name.value, { strong: true, area });
  flow.rows(details, area);
  const left = flow.y;
  flow.y = partiesTop;
  flow.rows(view.meta, { x: x + width - half, width: half });
  flow.y = Math.max(left, flow.y) + paper.size;
}

function body(flow: Flow, view: DocumentView, size: PaperSize): void {
  const { x, width } = flow.full;
  flow.rule();
  flow.row({ ...view.lineHeader, strong: true });
  for (const line of view.lines) flow.row(line);
  flow.rule();
  const totals = size === 'a4' ? { x: x + width / 2, width: width / 2 } : flow.full;
  flow.rows(view.totals, totals);
  if (view.stamp) {
    flow.gap();
    flow.stamp(view.stamp);
  }
  if (view.payment.length > 0) {
    flow.rule();
    flow.text(view.labels.payment, { strong: true });
    flow.rows(view.payment);
  }
  if (view.payTo.length > 0) {
    flow.rule();
    flow.text(view.labels.payTo, { strong: true });
    for (const line of view.payTo) flow.text(line);
  }
  if (view.footer.length > 0) {
    flow.rule();
    for (const line of view.footer) flow.text(line, { align: 'center' });
  }
}

function draw(doc: PDFKit.PDFDocument, view: DocumentView, size: PaperSize, bottom: number): number {
  const paper = PAPERS[size];
  const flow = new Flow(doc, paper, { x: paper.margin, width: paper.width - 2 * paper.margin }, bottom);
  if (size === 'a4') a4(flow, view, paper);
  else thermal(flow, view, paper);
  body(flow, view, size);
  return flow.y;
}

type Open = (title: string) => PDFKit.PDFDocument;

/** No first page: each document adds its own (an A4 flow that overflows adds more, of the document's default size). */
async function opener(size: PaperSize): Promise<Open> {
  const open = await pdfOpener();
  const paper = PAPERS[size];
  return (title) => open([paper.width, paper.height ?? MEASURE_HEIGHT], title, { firstPage: false });
}

/** A thermal document's length: drawn once on a very tall page to measure it. */
function thermalLength(open: Open, view: DocumentView, size: PaperSize): number {
  const paper = PAPERS[size];
  const measure = open('');
  measure.addPage();
  const length = draw(measure, view, size, Number.POSITIVE_INFINITY) + paper.margin;
  measure.end();
  return length;
}

/**
 * BillingDocuments as one PDF for the paper, each starting on a page of its own: A4 pages, or
 * per document one thermal page exactly as long as it (measured first, then drawn on a page of
 * that length).
 */
export async function renderDocumentsPdf(docs: readonly BillingDocument[], size: PaperSize, lang: Locale): Promise<Buffer> {
  const views = docs.map((doc) => ({ doc, view: documentView(doc, lang) }));
  const paper = PAPERS[size];
  const first = views[0];
  const open = await opener(size);
  const pdf = open(first ? pdfSafe(`${first.view.title} ${first.doc.number}`) : '');
  for (const { view } of views) {
    if (paper.height !== null) {
      pdf.addPage();
      draw(pdf, view, size, paper.height - paper.margin);
    } else {
      pdf.addPage({ size: [paper.width, thermalLength(open, view, size)], margin: 0 });
      draw(pdf, view, size, Number.POSITIVE_INFINITY);
    }
  }
  return finishPdf(pdf);
}

/** A BillingDocument as a PDF for the paper (see renderDocumentsPdf). */
export function renderDocumentPdf(doc: BillingDocument, size: PaperSize, lang: Locale): Promise<Buffer> {
  return renderDocumentsPdf([doc], size, lang);
}
