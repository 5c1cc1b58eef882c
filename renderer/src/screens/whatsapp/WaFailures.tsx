import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { WA_MAYBE_SENT_CODES, type WaMessageCode } from '../../../../shared/domain/wa.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { ProviderCell, ReasonText } from './MessageCells.js';
import { useTemplateLabel, useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodPages } from '../../query/use-method-pages.js';

type Failure = MethodOutput<'wa.failures.list'>['items'][number];

const maybeSent = (m: Failure) => m.errorCode !== null && WA_MAYBE_SENT_CODES.includes(m.errorCode as WaMessageCode);

function refreshLists() {
  invalidateMethod('wa.failures.list');
  invalidateMethod('wa.logs.list');
}

/**
 * Messages that finally failed, a page at a time, each with its customer and a way to send it again;
 * all of them at once, except those that may have reached the customer: a person checks that chat first.
 */
export function WaFailures() {
  const { t } = useTranslation();
  const list = useMethodPages('wa.failures.list', {});
  const { manager, locked } = usePermissions();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<AppError | null>(null);
  const [retryingAll, setRetryingAll] = useState(false);

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
      refreshLists();
    }
    return [
      { id: 'time', header: t('whatsapp.colTime'), className: 'wa-col-time wa-time', cell: (m) => formatTime(m.createdAt) },
      { id: 'customer', header: t('whatsapp.colCustomer'), className: 'wa-col-customer', cell: (m) => <CustomerCell failure={m} /> },
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
    <>
      {manager && list.items.length > 0 ? (
        <div className="toolbar toolbar-end">
          <button type="button" className="button" disabled={locked} onClick={() => setRetryingAll(true)} data-testid="wa-retry-all">
            {t('whatsapp.retryAll')}
          </button>
        </div>
      ) : null}
      <DataTable
        {...list.table}
        label={t('whatsapp.tabFailures')}
        columns={columns}
        rowKey={rowKey}
        rowData={rowData}
        error={list.error ?? retryError}
        empty={
          <>
            <strong>{t('whatsapp.failuresEmpty')}</strong>
            <span className="muted">{t('whatsapp.failuresEmptyHint')}</span>
          </>
        }
        testId="wa-failures"
        rowTestId="wa-failure-row"
      />
      {retryingAll ? (
        <ConfirmDialog
          title={t('whatsapp.retryAll')}
          message={t('whatsapp.confirmRetryAll')}
          confirmLabel={t('whatsapp.retryAll')}
          run={() => call('wa.failures.retryAll', {})}
          onDone={(done) => {
            setRetryingAll(false);
            refreshLists();
            toast(t('whatsapp.retriedAll', { count: done.retried, needsCheck: done.needsCheck }));
          }}
          onClose={() => setRetryingAll(false)}
        />
      ) : null}
    </>
  );
}

/**
 * Whose message it is. A message that may have reached the customer shows the whole number: the
 * person deciding whether to send it again must find that chat on the office phone.
 */
function CustomerCell({ failure }: { failure: Failure }) {
  const { t } = useTranslation();
  const check = maybeSent(failure) && failure.phone !== null;
  return (
    <span className="wa-customer" data-testid="wa-failure-customer">
      <span className="strong">{failure.customerName ?? t('whatsapp.noCustomer')}</span>
      <span className="mono">{formatPhoneLocal(check ? (failure.phone as string) : failure.to)}</span>
      {check ? (
        <span className="chip chip-small" data-testid="wa-check-chat">
          {t('whatsapp.checkChat')}
        </span>
      ) : null}
    </span>
  );
}

const rowKey = (m: Failure) => m.id;
const rowData = (m: Failure) => ({ 'data-code': m.errorCode ?? '' });
