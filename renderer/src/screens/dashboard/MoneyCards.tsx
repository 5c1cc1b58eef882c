import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../shared/util/money.js';
import { FormError } from '../../components/FormError.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { openInvoices, openPayments } from '../../stores/billing-filters-store.js';
import { addDays } from '../billing/billing-values.js';
import { StatCard } from './StatCard.js';

/** "This week" as billing counts it: today and the six days after. */
const DAYS_AFTER_TODAY = 6;

interface Props {
  /** Customers isolated now (the dashboard's own count): the money loop's other end. */
  isolated: number;
  onIsolated(): void;
}

/** The office's money at a glance (the roles that handle it); each card opens the list behind it. */
export function MoneyCards({ isolated, onIsolated }: Props) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data, error } = useMethodQuery('billing.summary', {});
  if (error) return <FormError error={error} />;
  if (!data) return null;
  const invoices = (count: number) => t('billing.unpaidCount', { count, shown: formatNumber(count) });
  return (
    <section aria-label={t('billing.moneyTitle')} data-testid="money-cards">
      <div className="stats stats-5">
        <StatCard tone="active" label={t('billing.collectedToday')} value={formatRupiah(data.collectedToday)} testId="money-today" onOpen={() => openPayments({ date: data.today })} />
        <StatCard tone="active" label={t('billing.collectedMonth')} value={formatRupiah(data.collectedThisMonth)} testId="money-month" onOpen={() => openPayments({})} />
        <StatCard tone="neutral" label={t('billing.unpaidTotal')} value={formatRupiah(data.unpaidTotal)} sub={invoices(data.unpaidCount)} testId="money-unpaid" onOpen={() => openInvoices({ open: true })} />
        <StatCard tone="inactive" label={t('billing.dueWeek')} value={formatRupiah(data.dueThisWeekTotal)} sub={invoices(data.dueThisWeekCount)} testId="money-due-week" onOpen={() => openInvoices({ open: true, due: { from: data.today, to: addDays(data.today, DAYS_AFTER_TODAY) } })} />
        <StatCard tone="isolated" label={t('billing.isolatedNow')} value={formatNumber(isolated)} sub={t('billing.isolatedCount', { count: isolated, shown: formatNumber(isolated) })} testId="money-isolated" onOpen={onIsolated} />
      </div>
    </section>
  );
}
