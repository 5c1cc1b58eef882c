/** Opening and finishing a pdfkit document: shared by the printed invoices and receipts and by the reports. */

/** `firstPage: false` for a file of several documents, each adding the page it needs. */
export type OpenPdf = (size: [number, number], title: string, options?: { firstPage?: boolean }) => PDFKit.PDFDocument;

/**
 * pdfkit is loaded with the first PDF, not when the core starts (as exceljs is): it and its font
 * stack added about 20 MB and 0.2 s to every start for a feature used now and then.
 */
export async function pdfOpener(): Promise<OpenPdf> {
  const { default: PDFDocument } = await import('pdfkit');
  // Margins 0: the flow places everything itself, and pdfkit must not start pages of its own.
  return (size, title, options = {}) =>
    new PDFDocument({ size, margin: 0, autoFirstPage: options.firstPage ?? true, info: { Title: title, Creator: 'RRNet Console' } });
}

export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
