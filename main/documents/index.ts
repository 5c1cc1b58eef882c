export { documentsModule } from './documents-module.js';
/** Billing prints its invoices and receipts with these (billing.invoices.print, billing.payments.receipt, billing.invoices.printMany). */
export { renderDocumentHtml, renderDocumentsHtml } from './html-document.js';
export { renderDocumentPdf, renderDocumentsPdf } from './pdf-document.js';
