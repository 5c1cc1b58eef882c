import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosingReport } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePeriodLabel } from './billing-format.js';

type MethodRow = ClosingReport['byMethod'][number];
type StaffRow = ClosingReport['byStaff'][number];
type PeriodRow = ClosingReport['unpaidByPeriod'][number];
type IsolatedRow = ClosingReport['isolated'][number];

/** The closing's four lists: money by payment method and by staff, unpaid by period, who is isolated. */
export function ClosingTables({ report }: { report: ClosingReport }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const periodLabel = usePeriodLabel();
  const columns = useMemo(() => {
    const amount = { id: 'amount', header: t('billing.colAmount'), className: 'col-money num', cell: (r: { amount: number }) => formatRupiah(r.amount) };
    const count = { id: 'count', header: t('billing.colTransactions'), className: 'col-count num', cell: (r: { count: number }) => formatNumber(r.count) };
    const byMethod: Column<MethodRow>[] = [{ id: 'method', header: t('billing.colMethod'), className: 'strong', cell: (r) => t(`billing.method_${r.method}`) }, amount, count];
    const byStaff: Column<StaffRow>[] = [{ id: 'staff', header: t('billing.colBy'), className: 'strong', cell: (r) => r.name ?? t('billing.reportUnknownStaff') }, amount, count];
    const unpaid: Column<PeriodRow>[] = [
      { id: 'period', header: t('billing.colPeriod'), className: 'strong', cell: (r) => periodLabel(r.period) },
      { ...count, header: t('billing.colInvoiceCount') },
      amount,
    ];
    const isolated: Column<IsolatedRow>[] = [
      {
        id: 'customer',
        header: t('billing.colCustomer'),
        className: 'strong',
        cell: (r) => (
          <>
            {r.name} <span className="muted mono">{r.code}</span>
          </>
        ),
      },
      { id: 'package', header: t('billing.colPackage'), cell: (r) => r.packageName },
      { id: 'owed', header: t('billing.colOwed'), className: 'col-money num', cell: (r) => formatRupiah(r.owed) },
    ];
    return { byMethod, byStaff, unpaid, isolated };
  }, [t, formatNumber, periodLabel]);

  const list = { loading: false, error: null, fixed: true };
  return (
    <div className="report-grid">
      <section>
        <h2>{t('billing.reportByMethod')}</h2>
        <DataTable {...list} label={t('billing.reportByMethod')} columns={columns.byMethod} rows={report.byMethod} rowKey={(r) => r.method} empty={t('billing.reportNoPayments')} testId="report-by-method" rowTestId="report-method-row" />
      </section>
      <section>
        <h2>{t('billing.reportByStaff')}</h2>
        <DataTable {...list} label={t('billing.reportByStaff')} columns={columns.byStaff} rows={report.byStaff} rowKey={(r) => r.userId ?? ''} empty={t('billing.reportNoPayments')} testId="report-by-staff" rowTestId="report-staff-row" />
      </section>
      <section>
        <h2>{t('billing.reportUnpaidByPeriod')}</h2>
        <DataTable {...list} label={t('billing.reportUnpaidByPeriod')} columns={columns.unpaid} rows={report.unpaidByPeriod} rowKey={(r) => r.period} empty={t('billing.reportNoUnpaid')} testId="report-unpaid-periods" rowTestId="report-unpaid-row" />
      </section>
      <section>
        <h2>{t('billing.reportIsolatedList')}</h2>
        <DataTable {...list} label={t('billing.reportIsolatedList')} columns={columns.isolated} rows={report.isolated} rowKey={(r) => r.customerId} empty={t('billing.reportNoIsolated')} testId="report-isolated-list" rowTestId="report-isolated-row" />
      </section>
    </div>
  );
}
