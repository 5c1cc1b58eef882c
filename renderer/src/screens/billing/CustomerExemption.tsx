import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customer.js';
import type { Exemption } from '../../../../shared/domain/billing-loop.js';
import { call } from '../../api/client.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { ExemptionClearDialog } from './ExemptionClearDialog.js';
import { ReasonDialog } from './ReasonDialog.js';

/**
 * On the customer's billing card: whether auto-isolir leaves them alone, and who decided it, when
 * and why. Owner and admins set it (with a reason) and take it back; finance sees it.
 */
export function CustomerExemption({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { manager, locked } = usePermissions();
  // The tenant's exemptions are few (family, the village office): the one list serves every card.
  const { data } = useMethodQuery('billing.exemptions.list', {});
  const exemption = data?.find((e) => e.customerId === customer.id);
  const [dialog, setDialog] = useState<'set' | Exemption | null>(null);

  return (
    <div className="billing-loop-row" data-testid="customer-exemption" data-exempt={exemption ? 'true' : 'false'}>
      {exemption ? (
        <p data-testid="customer-exemption-text">
          <span className="badge badge-info">{t('billingSettings.exemptBadge')}</span>{' '}
          {t('billingSettings.exemptSince', { reason: exemption.reason, by: exemption.setBy, when: formatTime(exemption.setAt) })}
        </p>
      ) : (
        <p className="muted">{t('billingSettings.notExempt')}</p>
      )}
      {manager ? (
        exemption ? (
          <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setDialog(exemption)} data-testid="customer-exemption-clear">
            {t('billingSettings.exemptClear')}
          </button>
        ) : (
          <button type="button" className="button small" disabled={locked} onClick={() => setDialog('set')} data-testid="customer-exemption-set">
            {t('billingSettings.exemptSet')}
          </button>
        )
      ) : null}
      {dialog === 'set' ? (
        <ReasonDialog
          title={t('billingSettings.exemptSet')}
          question={t('billingSettings.exemptQuestion', { name: customer.name })}
          reasonLabel={t('billingSettings.exemptReason')}
          reasonHint={t('billingSettings.exemptReasonHint')}
          confirmLabel={t('billingSettings.exemptConfirm')}
          danger={false}
          run={(reason) => call('billing.exemptions.set', { customerId: customer.id, reason })}
          onDone={() => {
            invalidateMethod('billing.exemptions.list');
            toast(t('billingSettings.exemptDone', { name: customer.name }));
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
          testId="exemption-dialog"
        />
      ) : dialog ? (
        <ExemptionClearDialog exemption={dialog} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
