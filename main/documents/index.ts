export { documentsModule } from './documents-module.js';
/** Billing prints its invoices and receipts with these (billing.invoices.print, billing.payments.receipt, billing.invoices.printMany). */
export { renderDocumentHtml, renderDocumentsHtml } from './html-document.js';
export { renderDocumentPdf, renderDocumentsPdf } from './pdf-document.js';
/** Billing's closing report as an A4 PDF, and the shape its CSV and XLSX writers share. */
export { renderReportPdf, type ReportCell, type ReportColumn, type ReportColumnKind, type ReportDocument, type ReportTable } from './report-pdf.js';
