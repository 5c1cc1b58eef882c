import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { DeadLetter } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';

/** The owner's view of events the core parked after failing on them (dead letters), with a retry each. */
export function SystemFailuresPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);

  const load = useCallback(async () => {
    const result = await call('system.deadLetters.list', {});
    if (result.ok) setLetters(result.data);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function retry(id: number) {
    setRetrying(id);
    setError(null);
    const result = await call('system.deadLetters.retry', { id });
    setRetrying(null);
    if (!result.ok) setError(result.error);
    else if (result.data.delivered) toast(t('system.delivered'));
    else toast(t('system.stillFailing', { error: result.data.deadLetter?.error ?? '' }));
    void load();
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
