import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { ProviderCell, ReasonText } from './MessageCells.js';
import { useTemplateLabel, useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';

type Failure = MethodOutput<'wa.failures.list'>[number];

/** Messages that finally failed, each with its reason and a way to send it again. */
export function WaFailures() {
  const { t } = useTranslation();
  const { data, error, loading } = useMethodQuery('wa.failures.list', {});
  const { manager, locked } = usePermissions();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<AppError | null>(null);

  const columns = useMemo<Column<Failure>[]>(() => {
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
    return [
      { id: 'time', header: t('whatsapp.colTime'), className: 'wa-col-time wa-time', cell: (m) => formatTime(m.createdAt) },
      { id: 'number', header: t('whatsapp.colNumber'), className: 'wa-col-number mono', cell: (m) => formatPhoneLocal(m.to) },
      { id: 'event', header: t('whatsapp.colEvent'), className: 'wa-col-event', cell: (m) => templateLabel(m.templateKey) },
      { id: 'reason', header: t('whatsapp.colReason'), cell: (m) => <ReasonText message={m} full /> },
      { id: 'provider', header: t('whatsapp.colProvider'), className: 'wa-col-provider', cell: (m) => <ProviderCell message={m} /> },
      { id: 'attempts', header: t('whatsapp.colAttempts'), className: 'wa-col-attempts num', cell: (m) => m.attempts },
      ...(manager
        ? [
            {
              id: 'retry',
              header: <span className="visually-hidden">{t('whatsapp.retry')}</span>,
              className: 'wa-col-retry col-actions',
              cell: (m: Failure) => (
                <button type="button" className="button small" disabled={locked || retrying !== null} onClick={() => void retry(m.id)} data-testid="wa-retry">
                  {retrying === m.id ? t('whatsapp.retrying') : t('whatsapp.retry')}
                </button>
              ),
            },
          ]
        : []),
    ];
  }, [t, formatTime, templateLabel, manager, locked, retrying]);

  return (
    <DataTable
      label={t('whatsapp.tabFailures')}
      columns={columns}
      rows={data ?? NONE}
      rowKey={rowKey}
      loading={loading}
      error={error ?? retryError}
      empty={
        <>
          <strong>{t('whatsapp.failuresEmpty')}</strong>
          <span className="muted">{t('whatsapp.failuresEmptyHint')}</span>
        </>
      }
      testId="wa-failures"
      rowTestId="wa-failure-row"
    />
  );
}

const NONE: readonly Failure[] = [];
const rowKey = (m: Failure) => m.id;
