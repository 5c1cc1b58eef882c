import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentPromise } from '../../../../../shared/domain/billing-loop.js';
import { DataTable, type Column } from '../../../components/DataTable.js';
import { dayText } from '../../../components/day-text.js';
import { usePermissions } from '../../../components/use-permissions.js';
import { useMethodQuery } from '../../../query/use-method-query.js';
import { go, paths } from '../../../stores/nav-store.js';
import { useFormatTime } from '../../whatsapp/use-wa-format.js';
import { PromiseCancelDialog } from '../PromiseCancelDialog.js';

/** Promises to pay running now, the nearest day first: who to call before the scan isolates them again. */
export function ActivePromiseList() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { locked } = usePermissions();
  const { data, error, loading } = useMethodQuery('billing.promises.list', {});
  const [cancelling, setCancelling] = useState<PaymentPromise | null>(null);

  const columns = useMemo<Column<PaymentPromise>[]>(
    () => [
      {
        id: 'customer',
        header: t('billing.colCustomer'),
        cell: (p) => (
          <button type="button" className="link-button inline" onClick={() => go(paths.customer(p.customerId))}>
            {p.customerName ?? t('common.none')}
          </button>
        ),
      },
      { id: 'day', header: t('billingSettings.colPromisedDate'), className: 'col-day', cell: (p) => dayText(p.promisedDate) },
      { id: 'note', header: t('billing.note'), className: 'cell-wrap', cell: (p) => p.note || <span className="muted">{t('common.none')}</span> },
      { id: 'by', header: t('billingSettings.colSetBy'), className: 'cell-wrap', cell: (p) => t('billingSettings.byWhen', { by: p.createdBy, when: formatTime(p.createdAt) }) },
      {
        id: 'action',
        header: <span className="visually-hidden">{t('billingSettings.promiseCancel')}</span>,
        className: 'col-actions',
        cell: (p) => (
          <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setCancelling(p)} data-testid="promise-cancel">
            {t('billingSettings.promiseCancel')}
          </button>
        ),
      },
    ],
    [t, formatTime, locked],
  );

  return (
    <section className="card" data-testid="active-promises">
      <h2>{t('billingSettings.promisesTitle')}</h2>
      <p className="muted">{t('billingSettings.promisesIntro')}</p>
      <DataTable
        label={t('billingSettings.promisesTitle')}
        columns={columns}
        rows={data ?? NONE}
        rowKey={rowKey}
        loading={loading}
        error={error}
        empty={<span>{t('billingSettings.promisesEmpty')}</span>}
        testId="promise-table"
        rowTestId="promise-row"
      />
      {cancelling ? <PromiseCancelDialog promise={cancelling} onClose={() => setCancelling(null)} /> : null}
    </section>
  );
}

// Stable across renders: the table re-measures its rows when these change.
const NONE: readonly PaymentPromise[] = [];
const rowKey = (p: PaymentPromise) => p.id;
