import { useTranslation } from 'react-i18next';
import type { Exemption } from '../../../../shared/domain/billing-loop.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { invalidateMethod } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';

/** "Cabut": auto-isolir applies to the customer again from the next daily scan. */
export function ExemptionClearDialog({ exemption, onClose }: { exemption: Exemption; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('billingSettings.exemptClearTitle')}
      message={t('billingSettings.exemptClearQuestion', { name: exemption.customerName ?? '' })}
      confirmLabel={t('billingSettings.exemptClear')}
      dismissLabel={t('billingSettings.exemptKeep')}
      danger
      run={() => call('billing.exemptions.clear', { customerId: exemption.customerId })}
      onDone={() => {
        invalidateMethod('billing.exemptions.list');
        toast(t('billingSettings.exemptCleared', { name: exemption.customerName ?? '' }));
        onClose();
      }}
      onClose={onClose}
    />
  );
}
