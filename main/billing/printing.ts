import { renderDocumentsHtml, renderDocumentsPdf } from '../documents/index.js';
import { Failure, notFound } from '../platform/index.js';
import type { BillingDocument, PaperSize } from '../../shared/domain/billing-document.js';
import { PRINT_MANY_MAX, type Printed } from '../../shared/domain/billing-print.js';
import type { InvoiceRow, InvoiceStore } from './invoice-store.js';
import type { InvoiceQuery } from './invoice-service.js';
import type { DocumentBuilder } from './document-builder.js';
import type { Locale } from '../../shared/domain/user.js';

type Format = Printed['format'];
/** The Tagihan list's filters, as the list takes them (the customers' area, not their ids). */
type PrintFilter = Omit<InvoiceQuery, 'cursor' | 'limit'>;

/** File names people keep: INV/202612/A-00001 -> INV-202612-A-00001. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-');

/**
 * Invoices and receipts on paper: billing builds each document from its rows (DocumentBuilder),
 * the documents module lays it out as print HTML or PDF.
 */
export class Printing {
  constructor(
    private readonly invoices: InvoiceStore,
    private readonly builder: DocumentBuilder,
    /** Who lives in an area: the customers module says (as it does for the list). */
    private readonly inArea: (tenantId: string, area: string) => string[],
  ) {}

  invoice(tenantId: string, input: { invoiceId: string; size: PaperSize; format: Format }, lang: Locale): Promise<Printed> {
    const doc = this.builder.invoice(tenantId, input.invoiceId);
    return render([doc], fileSafe(doc.number), input, lang);
  }

  receipt(tenantId: string, input: { paymentId: string; size: PaperSize; format: Format }, lang: Locale): Promise<Printed> {
    const doc = this.builder.receipt(tenantId, input.paymentId);
    return render([doc], fileSafe(doc.number), input, lang);
  }

  /** Chosen invoices (each once, in the order chosen) or all the filter matches but void ones, newest first. */
  many(tenantId: string, input: { invoiceIds: string[] | null; filter: PrintFilter | null; size: PaperSize; format: Format }, lang: Locale): Promise<Printed> {
    const rows = input.invoiceIds ? this.byIds(tenantId, input.invoiceIds) : this.byFilter(tenantId, input.filter as PrintFilter);
    const docs = this.builder.invoiceDocuments(tenantId, rows);
    return render(docs, `tagihan-${docs.length}`, input, lang);
  }

  private byIds(tenantId: string, ids: readonly string[]): InvoiceRow[] {
    return [...new Set(ids)].map((id) => {
      const row = this.invoices.get(tenantId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  private byFilter(tenantId: string, { area, ...filter }: PrintFilter): InvoiceRow[] {
    const customerIds = area === null ? null : this.inArea(tenantId, area);
    const page = this.invoices.list(tenantId, { ...filter, customerIds, cursor: null, limit: PRINT_MANY_MAX });
    if (page.nextCursor !== null) throw new Failure('VALIDATION_FAILED', {}, { filter: 'validation.printTooMany' });
    const rows = page.items.filter((row) => row.status !== 'void');
    if (rows.length === 0) throw new Failure('VALIDATION_FAILED', {}, { filter: 'validation.nothingToPrint' });
    return rows;
  }
}

async function render(docs: readonly BillingDocument[], name: string, how: { size: PaperSize; format: Format }, lang: Locale): Promise<Printed> {
  if (how.format === 'html') return { format: 'html', html: renderDocumentsHtml(docs, how.size, lang) };
  const pdf = await renderDocumentsPdf(docs, how.size, lang);
  return { format: 'pdf', fileName: `${name}-${how.size}.pdf`, mimeType: 'application/pdf', data: pdf.toString('base64') };
}
