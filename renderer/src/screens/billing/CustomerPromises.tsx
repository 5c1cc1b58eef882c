import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentPromise } from '../../../../shared/domain/billing-loop.js';
import type { CustomerBalance } from '../../../../shared/domain/billing.js';
import type { Customer } from '../../../../shared/domain/customer.js';
import { dayText } from '../../components/day-text.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { PromiseCancelDialog } from './PromiseCancelDialog.js';
import { PromiseDialog } from './PromiseDialog.js';
import { PromiseStatusBadge } from './PromiseStatusBadge.js';

/**
 * On the customer's billing card: "Janji bayar" for an isolated customer who owes, and their
 * promises with what became of each (the customer's history of them).
 */
export function CustomerPromises({ customer, balance }: { customer: Customer; balance: CustomerBalance | undefined }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { locked } = usePermissions();
  const { data: promises } = useMethodQuery('billing.promises.list', { customerId: customer.id });
  const [dialog, setDialog] = useState<'make' | PaymentPromise | null>(null);
  const canPromise = customer.status === 'isolated' && (balance?.owed ?? 0) > 0 && !promises?.some((p) => p.status === 'active');

  return (
    <div className="billing-loop-block" data-testid="customer-promises">
      <div className="billing-loop-row">
        <h3>{t('billingSettings.promisesOfCustomer')}</h3>
        {canPromise ? (
          <button type="button" className="button small primary" disabled={locked} onClick={() => setDialog('make')} data-testid="promise-make">
            {t('billingSettings.promiseMake')}
          </button>
        ) : null}
      </div>
      {promises && promises.length > 0 ? (
        <table className="table compact" data-testid="customer-promise-table">
          <thead>
            <tr>
              <th>{t('billingSettings.colPromisedDate')}</th>
              <th>{t('billing.colStatus')}</th>
              <th>{t('billingSettings.colSetBy')}</th>
              <th>
                <span className="visually-hidden">{t('billingSettings.promiseCancel')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {promises.map((p) => (
              <tr key={p.id} data-testid="customer-promise" data-status={p.status}>
                <td>
                  {dayText(p.promisedDate)}
                  {p.note ? <span className="muted"> · {p.note}</span> : null}
                </td>
                <td>
                  <PromiseStatusBadge status={p.status} />
                </td>
                <td>{t('billingSettings.byWhen', { by: p.createdBy, when: formatTime(p.createdAt) })}</td>
                <td className="num">
                  {p.status === 'active' ? (
                    <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setDialog(p)} data-testid="customer-promise-cancel">
                      {t('billingSettings.promiseCancel')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{customer.status === 'isolated' ? t('billingSettings.promisesNoneIsolated') : t('billingSettings.promisesNone')}</p>
      )}
      {dialog === 'make' ? <PromiseDialog customer={customer} onClose={() => setDialog(null)} /> : dialog ? <PromiseCancelDialog promise={dialog} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
