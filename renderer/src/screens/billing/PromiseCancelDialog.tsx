import { useTranslation } from 'react-i18next';
import type { PaymentPromise } from '../../../../shared/domain/billing-loop.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { dayText } from '../../components/day-text.js';
import { invalidateMethod } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';

/** Taking a promise back isolates the customer again while the invoice is unpaid: said before it is done. */
export function PromiseCancelDialog({ promise, onClose }: { promise: PaymentPromise; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('billingSettings.promiseCancelTitle')}
      message={t('billingSettings.promiseCancelQuestion', { name: promise.customerName ?? '', day: dayText(promise.promisedDate) })}
      confirmLabel={t('billingSettings.promiseCancel')}
      dismissLabel={t('billingSettings.promiseKeep')}
      danger
      run={() => call('billing.promises.cancel', { id: promise.id })}
      onDone={() => {
        // The event will also come; the socket may be down.
        invalidateMethod('billing.promises.list');
        toast(t('billingSettings.promiseCancelled'));
        onClose();
      }}
      onClose={onClose}
    />
  );
}
