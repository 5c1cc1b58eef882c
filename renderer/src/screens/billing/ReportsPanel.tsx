import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_FORMATS, type ClosingInput, type ClosingReport, type ReportFormat } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { ZONE_LABELS } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { DateInput } from '../../components/DateInput.js';
import { FormError } from '../../components/FormError.js';
import { dayText } from '../../components/day-text.js';
import { saveDownload } from '../../components/save-download.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import { StatCard } from '../dashboard/StatCard.js';
import { useTenantZone } from '../whatsapp/use-wa-format.js';
import { ClosingTables } from './ClosingTables.js';
import { usePeriodLabel, useTenantToday } from './billing-format.js';
import { recentPeriods } from './billing-values.js';

/** Two years of months: a monthly closing is asked for again at tax time. */
const MONTHS_SHOWN = 24;

/** "Laporan": the day's or the month's closing on screen, and as CSV, XLSX or PDF to keep or send. */
export function ReportsPanel() {
  const { t } = useTranslation();
  const zone = useTenantZone();
  const today = useTenantToday();
  const periodLabel = usePeriodLabel();
  const [kind, setKind] = useState<ClosingInput['kind']>('daily');
  const [date, setDate] = useState(today);
  const [period, setPeriod] = useState(today.slice(0, 7));
  const input: ClosingInput = kind === 'daily' ? { kind, date } : { kind, period };
  const { data, error } = useMethodQuery('billing.reports.closing', input);
  const [downloading, setDownloading] = useState<ReportFormat | null>(null);

  async function download(format: ReportFormat) {
    setDownloading(format);
    const result = await call('billing.reports.export', { ...input, format });
    setDownloading(null);
    if (!result.ok) return toast(result.error.message);
    saveDownload(result.data);
    toast(t('billing.reportDownloaded', { file: result.data.fileName }));
  }

  return (
    <section aria-label={t('billing.tabReports')} data-testid="reports">
      <div className="toolbar">
        <div className="segmented segmented-light" role="group" aria-label={t('billing.reportKind')}>
          {(['daily', 'monthly'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)} data-testid={`report-kind-${k}`}>
              {t(k === 'daily' ? 'billing.reportDaily' : 'billing.reportMonthly')}
            </button>
          ))}
        </div>
        {kind === 'daily' ? (
          <DateInput value={date} onChange={(iso) => iso && setDate(iso)} max={today} label={t('billing.reportDate')} testId="report-date" />
        ) : (
          <select aria-label={t('billing.reportMonth')} value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="report-month">
            {recentPeriods(today, MONTHS_SHOWN).map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        )}
        {data ? (
          <span className="muted" data-testid="report-covers">
            {/* A day is counted from midnight to midnight on the office's clock, not UTC's. */}
            {data.kind === 'daily'
              ? t('billing.reportCoversDay', { zone: ZONE_LABELS[zone] })
              : t('billing.reportCovers', { from: dayText(data.from), to: dayText(data.to), zone: ZONE_LABELS[zone] })}
          </span>
        ) : null}
        <div className="report-downloads">
          {REPORT_FORMATS.map((format) => (
            <button key={format} type="button" className="button" disabled={downloading !== null} onClick={() => void download(format)} data-testid={`report-download-${format}`}>
              {t('billing.reportDownload', { format: format.toUpperCase() })}
            </button>
          ))}
        </div>
      </div>
      {error ? <FormError error={error} /> : null}
      {data ? (
        <>
          <ClosingCards report={data} />
          <ClosingTables report={data} />
        </>
      ) : null}
    </section>
  );
}

function ClosingCards({ report }: { report: ClosingReport }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const payments = report.byMethod.reduce((sum, m) => sum + m.count, 0);
  const isolatedOwed = report.isolated.reduce((sum, c) => sum + c.owed, 0);
  const invoices = (count: number) => t('billing.unpaidCount', { count, shown: formatNumber(count) });
  return (
    <div className="stats">
      <StatCard
        tone="active"
        label={t('billing.reportCollected')}
        value={formatRupiah(report.collected)}
        sub={`${t('billing.reportPayments', { count: payments, shown: formatNumber(payments) })}${report.reversed > 0 ? ` · ${t('billing.reportReversed', { amount: formatRupiah(report.reversed) })}` : ''}`}
        testId="report-collected"
      />
      <StatCard tone="neutral" label={t('billing.reportIssued')} value={formatRupiah(report.invoices.amount)} sub={invoices(report.invoices.issued)} testId="report-issued" />
      <StatCard tone="inactive" label={t('billing.reportUnpaid')} value={formatRupiah(report.unpaid.amount)} sub={invoices(report.unpaid.count)} testId="report-unpaid" />
      <StatCard
        tone="isolated"
        label={t('billing.reportIsolated')}
        value={formatNumber(report.isolated.length)}
        sub={t('billing.reportIsolatedOwed', { amount: formatRupiah(isolatedOwed) })}
        testId="report-isolated"
      />
    </div>
  );
}
