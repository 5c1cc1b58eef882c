import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { call } from '../../api/client.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';

/** The owner's view of events the core parked after failing on them (dead letters), with a retry each. */
export function SystemFailuresPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const { data: letters, error: loadError } = useMethodQuery('system.deadLetters.list', {});
  const [retryError, setRetryError] = useState<AppError | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  const error = retryError ?? loadError;

  async function retry(id: number) {
    setRetrying(id);
    setRetryError(null);
    const result = await call('system.deadLetters.retry', { id });
    setRetrying(null);
    if (!result.ok) setRetryError(result.error);
    else if (result.data.delivered) toast(t('system.delivered'));
    else toast(t('system.stillFailing', { error: result.data.deadLetter?.error ?? '' }));
    invalidateMethod('system.deadLetters.list');
  }

  const subscriberLabel = (name: string) => t(`subscribers.${name}`, { defaultValue: name });

  return (
    <section className="card" data-testid="system-failures">
      <h2>{t('system.failuresTitle')}</h2>
      <p className="muted">{t('system.failuresHint')}</p>
      <FormError error={error} />
      {letters && letters.length === 0 ? (
        <p className="muted" data-testid="system-failures-empty">
          {t('system.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('system.colTime')}</th>
                <th>{t('system.colSubscriber')}</th>
                <th>{t('system.colEvent')}</th>
                <th>{t('system.colError')}</th>
                <th className="num">{t('system.colFailures')}</th>
                <th aria-label={t('system.retry')} />
              </tr>
            </thead>
            <tbody>
              {(letters ?? []).map((letter) => (
                <tr key={letter.id} data-testid="system-failure-row">
                  <td>{formatTime(letter.parkedAt)}</td>
                  <td>{subscriberLabel(letter.subscriber)}</td>
                  <td className="mono">{letter.event}</td>
                  <td>{letter.error}</td>
                  <td className="num">{letter.failures}</td>
                  <td className="col-actions">
                    <button type="button" className="button small" disabled={locked || retrying !== null} onClick={() => void retry(letter.id)} data-testid="system-failure-retry">
                      {retrying === letter.id ? t('system.retrying') : t('system.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
