import type { ClosingInput, ReportFormat } from '../../shared/domain/billing.js';
import type { Download } from '../../shared/domain/customer-import.js';
import type { Locale } from '../../shared/domain/user.js';
import { writeCsv } from '../../shared/util/csv.js';
import type { TimeZone } from '../../shared/util/time.js';
import { renderReportPdf, type ReportDocument } from '../documents/index.js';
import type { Clock } from '../platform/index.js';
import type { TenantProfileService } from '../tenant/index.js';
import { closingDocument, closingFileStem } from './report-document.js';
import { closingXlsx } from './report-xlsx.js';
import type { BillingReports } from './reports.js';

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The tables one after another, each under its title, a blank line between: one file a spreadsheet opens. */
function closingCsv(report: ReportDocument, locale: Locale): Buffer {
  // The first line has a separator in it, so a reader that guesses the separator from it guesses right.
  const rows = [
    [report.isp, report.title],
    ...report.lines.map((line) => [line]),
    ...report.tables.flatMap((table) => [[], [table.title], table.columns.map((c) => c.header), ...(table.rows.length > 0 ? table.rows : [[report.empty]])]),
  ];
  // Excel on Indonesian Windows splits on ";", on English Windows on ",".
  return Buffer.from(writeCsv(rows, locale === 'id' ? ';' : ','), 'utf8');
}

/** The closing as a file to keep or send: CSV, XLSX or an A4 PDF with the ISP's name and the zone. */
export class ReportExporter {
  constructor(
    private readonly reports: BillingReports,
    private readonly profiles: Pick<TenantProfileService, 'get'>,
    private readonly zone: (tenantId: string) => TimeZone,
    private readonly clock: Clock,
  ) {}

  async file(tenantId: string, input: ClosingInput & { format: ReportFormat }, locale: Locale): Promise<Download> {
    const { format, ...period } = input;
    const closing = this.reports.closing(tenantId, period);
    const zone = this.zone(tenantId);
    const report = closingDocument(closing, { isp: this.profiles.get(tenantId).name, zone, madeAt: new Date(this.clock.now()).toISOString(), locale });
    const data = format === 'csv' ? closingCsv(report, locale) : format === 'xlsx' ? await closingXlsx(report) : await renderReportPdf(report);
    return { fileName: `${closingFileStem(closing, locale)}.${format}`, mimeType: MIME[format], data: data.toString('base64') };
  }
}
