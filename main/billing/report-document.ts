import type { ClosingReport } from '../../shared/domain/billing.js';
import type { Locale } from '../../shared/domain/user.js';
import { translate } from '../../shared/i18n/index.js';
import { formatLocalDate, monthLabel } from '../../shared/util/local-date.js';
import { ZONE_LABELS, formatDateTime, type TimeZone } from '../../shared/util/time.js';
import type { ReportColumn, ReportColumnKind, ReportDocument } from '../documents/index.js';

/** Where the report was made: the ISP's name on top, the zone its days are counted in, and now. */
export interface ReportContext {
  isp: string;
  zone: TimeZone;
  /** ISO instant. */
  madeAt: string;
  locale: Locale;
}

/**
 * The closing as tables in the operator's language: what the CSV, the XLSX (a sheet per table) and
 * the PDF all write, so the three never disagree.
 */
export function closingDocument(report: ClosingReport, context: ReportContext): ReportDocument {
  const t = (key: string, params?: Record<string, string | number>) => translate(context.locale, `closingReport.${key}`, params);
  const column = (key: string, kind: ReportColumnKind, width: number): ReportColumn => ({ header: t(key), kind, width });
  const isolatedOwed = report.isolated.reduce((sum, c) => sum + c.owed, 0);
  return {
    isp: context.isp,
    title: report.kind === 'daily' ? t('titleDaily', { day: formatLocalDate(report.from) }) : t('titleMonthly', { month: monthLabel(report.from.slice(0, 7), context.locale) }),
    lines: [
      t('covers', { from: formatLocalDate(report.from), to: formatLocalDate(report.to) }),
      t('zone', { zone: ZONE_LABELS[context.zone] }),
      t('printedAt', { at: formatDateTime(context.madeAt, context.zone, context.locale) }),
    ],
    empty: t('empty'),
    tables: [
      {
        title: t('summary'),
        columns: [column('item', 'text', 34), column('amount', 'rupiah', 18), column('count', 'count', 10)],
        rows: [
          [t('collected'), report.collected, null],
          [t('payments'), report.payments, report.byMethod.reduce((sum, m) => sum + m.count, 0)],
          [t('reversed'), report.reversed, null],
          [t('issued'), report.invoices.amount, report.invoices.issued],
          [t('issuedPaid'), null, report.invoices.paid],
          [t('issuedVoid'), null, report.invoices.void],
          [t('unpaidAll'), report.unpaid.amount, report.unpaid.count],
          [t('isolatedNow'), isolatedOwed, report.isolated.length],
        ],
      },
      {
        title: t('byMethod'),
        columns: [column('method', 'text', 24), column('amount', 'rupiah', 18), column('transactions', 'count', 12)],
        rows: report.byMethod.map((m) => [t(`method_${m.method}`), m.amount, m.count]),
      },
      {
        title: t('byStaff'),
        columns: [column('staff', 'text', 30), column('amount', 'rupiah', 18), column('transactions', 'count', 12)],
        rows: report.byStaff.map((s) => [s.name ?? t('unknownStaff'), s.amount, s.count]),
      },
      {
        title: t('unpaid'),
        columns: [column('period', 'text', 22), column('invoices', 'count', 12), column('amount', 'rupiah', 18)],
        rows: report.unpaidByPeriod.map((p) => [monthLabel(p.period, context.locale), p.count, p.amount]),
      },
      {
        title: t('isolated'),
        columns: [column('code', 'text', 12), column('name', 'text', 32), column('package', 'text', 20), column('owed', 'rupiah', 18)],
        rows: report.isolated.map((c) => [c.code, c.name, c.packageName, c.owed]),
      },
    ],
  };
}

/** laporan-harian-2026-12-01, laporan-bulanan-2026-12: sorts by date in a folder. */
export function closingFileStem(report: ClosingReport, locale: Locale): string {
  return report.kind === 'daily' ? `${translate(locale, 'closingReport.fileDaily')}-${report.from}` : `${translate(locale, 'closingReport.fileMonthly')}-${report.from.slice(0, 7)}`;
}
