export { documentsModule } from './documents-module.js';
/** Billing prints its invoices and receipts with these (billing.invoices.print, billing.payments.receipt). */
export { renderDocumentHtml } from './html-document.js';
export { renderDocumentPdf } from './pdf-document.js';
