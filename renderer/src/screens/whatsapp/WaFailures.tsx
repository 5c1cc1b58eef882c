import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useWaFailures } from '../../stores/wa-stores.js';
import { ProviderCell, ReasonText } from './MessageCells.js';
import { useTemplateLabel, useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';

/** Messages that finally failed, each with its reason and a way to send it again. */
export function WaFailures() {
  const { t } = useTranslation();
  const { data, error } = useWaFailures();
  const { manager, locked } = usePermissions();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<AppError | null>(null);


  async function retry(messageId: string) {
    setRetrying(messageId);
    setRetryError(null);
    const result = await call('wa.failures.retry', { messageId });
    setRetrying(null);
    if (!result.ok) {
      setRetryError(result.error);
      return;
    }
    toast(t('whatsapp.retried', { to: formatPhoneLocal(result.data.to) }));
    invalidateMethod('wa.failures.list');
    invalidateMethod('wa.logs.list');
  }

  return (
    <>
      <FormError error={error ?? retryError} />
      {data && data.length === 0 ? (
        <div className="card empty" data-testid="wa-failures-empty">
          <strong>{t('whatsapp.failuresEmpty')}</strong>
          <span className="muted">{t('whatsapp.failuresEmptyHint')}</span>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="wa-failures-table">
            <thead>
              <tr>
                <th className="wa-col-time">{t('whatsapp.colTime')}</th>
                <th className="wa-col-number">{t('whatsapp.colNumber')}</th>
                <th className="wa-col-event">{t('whatsapp.colEvent')}</th>
                <th>{t('whatsapp.colReason')}</th>
                <th className="wa-col-provider">{t('whatsapp.colProvider')}</th>
                <th className="wa-col-attempts num">{t('whatsapp.colAttempts')}</th>
                {manager ? <th className="wa-col-retry" aria-label={t('whatsapp.retry')} /> : null}
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((m) => (
                <tr key={m.id} data-testid="wa-failure-row">
                  <td className="wa-time">{formatTime(m.createdAt)}</td>
                  <td className="mono">{formatPhoneLocal(m.to)}</td>
                  <td>{templateLabel(m.templateKey)}</td>
                  <td>
                    <ReasonText message={m} full />
                  </td>
                  <td>
                    <ProviderCell message={m} />
                  </td>
                  <td className="num">{m.attempts}</td>
                  {manager ? (
                    <td className="col-actions">
                      <button type="button" className="button small" disabled={locked || retrying !== null} onClick={() => void retry(m.id)} data-testid="wa-retry">
                        {retrying === m.id ? t('whatsapp.retrying') : t('whatsapp.retry')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
