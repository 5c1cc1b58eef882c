import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';

type DeadLetter = MethodOutput<'system.deadLetters.list'>[number];

/** The owner's view of events the core parked after failing on them (dead letters), with a retry each. */
export function SystemFailuresPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const { data, error, loading } = useMethodQuery('system.deadLetters.list', {});
  const [retryError, setRetryError] = useState<AppError | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);

  const columns = useMemo<Column<DeadLetter>[]>(() => {
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
    return [
      { id: 'time', header: t('system.colTime'), cell: (letter) => formatTime(letter.parkedAt) },
      { id: 'subscriber', header: t('system.colSubscriber'), cell: (letter) => t(`subscribers.${letter.subscriber}`, { defaultValue: letter.subscriber }) },
      { id: 'event', header: t('system.colEvent'), className: 'mono', cell: (letter) => letter.event },
      { id: 'error', header: t('system.colError'), cell: (letter) => letter.error },
      { id: 'failures', header: t('system.colFailures'), className: 'num', cell: (letter) => letter.failures },
      {
        id: 'retry',
        header: <span className="visually-hidden">{t('system.retry')}</span>,
        className: 'col-actions',
        cell: (letter) => (
          <button type="button" className="button small" disabled={locked || retrying !== null} onClick={() => void retry(letter.id)} data-testid="system-failure-retry">
            {retrying === letter.id ? t('system.retrying') : t('system.retry')}
          </button>
        ),
      },
    ];
  }, [t, formatTime, locked, retrying]);

  return (
    <section className="card" data-testid="system-failures">
      <h2>{t('system.failuresTitle')}</h2>
      <p className="muted">{t('system.failuresHint')}</p>
      <DataTable
        label={t('system.failuresTitle')}
        columns={columns}
        rows={data ?? NONE}
        rowKey={rowKey}
        loading={loading}
        error={retryError ?? error}
        empty={t('system.empty')}
        testId="system-failures-table"
        rowTestId="system-failure-row"
      />
    </section>
  );
}

const NONE: readonly DeadLetter[] = [];
const rowKey = (letter: DeadLetter) => String(letter.id);
