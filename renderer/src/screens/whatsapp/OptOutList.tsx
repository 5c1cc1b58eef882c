import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from './use-wa-format.js';

type OptOut = MethodOutput<'wa.optOut.list'>[number];

/** The numbers that opted out, each with a way to take it off the list again. */
export function OptOutList() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const { data, error, loading } = useMethodQuery('wa.optOut.list', {});
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<AppError | null>(null);

  const columns = useMemo<Column<OptOut>[]>(() => {
    async function remove(phone: string) {
      setRemoving(phone);
      setRemoveError(null);
      const result = await call('wa.optOut.set', { phone, optedOut: false, reason: '' });
      setRemoving(null);
      if (!result.ok) {
        setRemoveError(result.error);
        return;
      }
      invalidateMethod('wa.optOut.list');
      toast(t('whatsapp.optOutRemoved', { phone: formatPhoneLocal(result.data.phone) }));
    }
    return [
      {
        id: 'phone',
        header: t('whatsapp.optOutPhone'),
        // The panel is narrow: why and when go under the number, not in columns of their own.
        cell: (row) => (
          <>
            <span className="mono strong wa-nowrap">{formatPhoneLocal(row.phone)}</span>
            <span className="wa-optout-meta muted">{[row.reason, formatTime(row.createdAt)].filter(Boolean).join(' · ')}</span>
          </>
        ),
      },
      {
        id: 'remove',
        header: <span className="visually-hidden">{t('whatsapp.optOutRemove')}</span>,
        className: 'col-actions',
        cell: (row) => (
          <button type="button" className="button small" disabled={locked || removing !== null} onClick={() => void remove(row.phone)} data-testid="wa-optout-remove">
            {t('whatsapp.optOutRemove')}
          </button>
        ),
      },
    ];
  }, [t, formatTime, locked, removing]);

  return (
    <DataTable
      label={t('whatsapp.optOutTitle')}
      columns={columns}
      rows={data ?? NONE}
      rowKey={rowKey}
      loading={loading}
      error={error ?? removeError}
      empty={t('whatsapp.optOutEmpty')}
      className="compact wa-optout-table"
      testId="wa-optout-list"
      rowTestId="wa-optout-row"
    />
  );
}

const NONE: readonly OptOut[] = [];
const rowKey = (row: OptOut) => row.phone;
