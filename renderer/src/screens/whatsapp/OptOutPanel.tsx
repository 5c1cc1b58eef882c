import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useWaOptOuts } from '../../stores/wa-stores.js';
import { useFormatTime } from './use-wa-format.js';
import { OptOutForm } from './OptOutForm.js';
import { invalidateMethod } from '../../query/query-client.js';

/** Numbers that asked not to be messaged: every send to them is skipped, broadcasts included. */
export function OptOutPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const { data, error } = useWaOptOuts();
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<AppError | null>(null);

  async function remove(phone: string) {
    setRemoving(true);
    setRemoveError(null);
    const result = await call('wa.optOut.set', { phone, optedOut: false, reason: '' });
    setRemoving(false);
    if (!result.ok) {
      setRemoveError(result.error);
      return;
    }
    invalidateMethod('wa.optOut.list');
    toast(t('whatsapp.optOutRemoved', { phone: formatPhoneLocal(result.data.phone) }));
  }

  return (
    <section className="card" data-testid="wa-optout">
      <h2>{t('whatsapp.optOutTitle')}</h2>
      <p className="muted">{t('whatsapp.optOutHint')}</p>
      <FormError error={error ?? removeError} />
      <OptOutForm />
      {data && data.length > 0 ? (
        <table className="table compact wa-optout-table">
          <tbody>
            {data.map((row) => (
              <tr key={row.phone} data-testid="wa-optout-row">
                <td>
                  <span className="mono strong wa-nowrap">{formatPhoneLocal(row.phone)}</span>
                  <span className="wa-optout-meta muted">{[row.reason, formatTime(row.createdAt)].filter(Boolean).join(' · ')}</span>
                </td>
                <td className="col-actions">
                  <button type="button" className="button small" disabled={locked || removing} onClick={() => void remove(row.phone)} data-testid="wa-optout-remove">
                    {t('whatsapp.optOutRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? (
        <p className="muted" data-testid="wa-optout-empty">
          {t('whatsapp.optOutEmpty')}
        </p>
      ) : null}
    </section>
  );
}
