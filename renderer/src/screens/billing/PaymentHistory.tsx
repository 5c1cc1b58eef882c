import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { DateInput } from '../../components/DateInput.js';
import { dayText } from '../../components/day-text.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { useBillingFilters } from '../../stores/billing-filters-store.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { PrintReceipt } from './PrintButtons.js';
import { ReasonDialog } from './ReasonDialog.js';
import { useTenantToday } from './billing-format.js';
import { formatSignedRupiah } from './billing-values.js';

/**
 * Payments as entered, newest first: per day (the day's closing) or per customer. A payment is
 * never edited: a mistake is reversed by a new entry, with a reason, and both stay in the list.
 */
export function PaymentHistory({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const today = useTenantToday();
  const { date, customer } = useBillingFilters((s) => s.payments);
  const setFilters = useBillingFilters((s) => s.setPaymentFilters);
  const list = useMethodPages('billing.payments.list', { date, customerId: customer?.id ?? null });
  const [reversing, setReversing] = useState<Payment | null>(null);

  const columns = useMemo<Column<Payment>[]>(
    () => [
      // Under the time, what the office reads aloud on the phone: the receipt's number (a reversal has its own).
      // In the time's column, not one of its own: at 1366 px the customer's name keeps its width.
      {
        id: 'time',
        header: t('billing.colTimeNumber'),
        className: 'col-time',
        cell: (p) => (
          <>
            {formatTime(p.receivedAt)}
            <span className="mono receipt-number" data-testid="payment-number">
              {p.number}
            </span>
          </>
        ),
      },
      {
        id: 'customer',
        header: t('billing.colCustomer'),
        className: 'strong',
        cell: (p) => (
          <>
            {p.customerName ?? t('common.none')} <span className="muted mono">{p.customerCode}</span>
          </>
        ),
      },
      {
        id: 'method',
        header: t('billing.colMethod'),
        // The transfer's reference is what finance checks against the bank statement: never cut off.
        className: 'cell-wrap',
        cell: (p) => (
          <>
            {t(`billing.method_${p.method}`)}
            {p.reference ? <span className="muted mono"> · {p.reference}</span> : null}
            {p.hasProof ? <span className="muted"> · {t('billing.proofKept')}</span> : null}
          </>
        ),
      },
      // A reversal takes the amount back: shown with a minus, as on the day's closing.
      { id: 'amount', header: t('billing.colAmount'), className: 'col-money num', cell: (p) => formatSignedRupiah(p.kind === 'reversal' ? -p.amount : p.amount) },
      { id: 'by', header: t('billing.colBy'), className: 'col-by', cell: (p) => p.receivedByName ?? t('common.none') },
      // A receipt only for a payment that stands: a reversed one proves nothing any more.
      {
        id: 'receipt',
        header: t('printing.colReceipt'),
        className: 'col-receipt',
        cell: (p) => (p.kind === 'payment' && p.reversedById === null ? <PrintReceipt payment={p} name={p.customerName ?? ''} reprint /> : null),
      },
      {
        id: 'state',
        header: t('billing.colStatus'),
        className: 'col-actions',
        cell: (p) =>
          p.kind === 'reversal' ? (
            <span className="badge badge-idle">{t('billing.reversalBadge')}</span>
          ) : p.reversedById !== null ? (
            <span className="badge badge-danger">{t('billing.reversedBadge')}</span>
          ) : (
            <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setReversing(p)} data-testid="payment-reverse">
              {t('billing.reverse')}
            </button>
          ),
      },
    ],
    [t, formatTime, locked],
  );

  return (
    <>
      <div className="toolbar">
        <span className="field-label">{t('billing.historyDate')}</span>
        <DateInput value={date ?? ''} onChange={(iso) => setFilters({ date: iso || null })} max={today} label={t('billing.historyDate')} testId="payment-filter-date" />
        <button type="button" className="button small" aria-pressed={date === null} onClick={() => setFilters({ date: null })} data-testid="payment-all-days">
          {t('billing.allDays')}
        </button>
        {date !== null ? <DayTotal date={date} /> : null}
      </div>
      {customer ? (
        <div className="filter-chip" data-testid="payment-filter-customer">
          <span>{t('billing.customerFilter', { name: customer.name })}</span>
          <button type="button" className="link-button" onClick={() => setFilters({ customer: null })}>
            {t('billing.clearCustomer')}
          </button>
        </div>
      ) : null}
      <DataTable
        {...list.table}
        label={t('billing.tabPayments')}
        columns={columns}
        rowKey={rowKey}
        rowData={rowData}
        empty={<strong>{t('billing.historyEmpty')}</strong>}
        fixed
        testId="payment-table"
        rowTestId="payment-row"
      />
      {reversing ? (
        <ReasonDialog
          title={t('billing.reverseTitle')}
          question={t('billing.reverseQuestion', { amount: formatRupiah(reversing.amount), name: reversing.customerName ?? '', when: formatTime(reversing.receivedAt) })}
          reasonLabel={t('billing.reverseReason')}
          reasonHint={t('billing.reverseReasonHint')}
          confirmLabel={t('billing.reverse')}
          run={(reason) => call('billing.payments.reverse', { paymentId: reversing.id, reason })}
          onDone={() => {
            setReversing(null);
            invalidateMethod('billing.payments.list');
            toast(t('billing.reverseDone'));
          }}
          onClose={() => setReversing(null)}
          testId="reverse-dialog"
        />
      ) : null}
    </>
  );
}

/** What came in on the day, less reversals: the day's closing figure. */
function DayTotal({ date }: { date: string }) {
  const { t } = useTranslation();
  const { data } = useMethodQuery('billing.reports.closing', { kind: 'daily', date });
  if (!data) return null;
  return (
    <span className="toolbar-count" data-testid="payment-day-total">
      {t('billing.dayTotal', { day: dayText(date), amount: formatRupiah(data.collected) })}
    </span>
  );
}

const rowKey = (p: Payment) => p.id;
const rowData = (p: Payment) => ({ 'data-kind': p.kind, 'data-reversed': String(p.reversedById !== null) });
