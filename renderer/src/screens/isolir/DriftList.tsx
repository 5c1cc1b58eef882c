import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { DriftEntry } from '../../../../shared/domain/provisioning.js';
import { call } from '../../api/client.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { go, paths } from '../../stores/nav-store.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { useRouterReason } from './isolir-text.js';

/**
 * "Drift diperbaiki": what the reconciler found changed by hand on a router (every ten minutes, or
 * now for one router) and what it did; accounts no customer owns are listed, never deleted.
 */
export function DriftList() {
  const { t } = useTranslation();
  const list = useMethodPages('provisioning.drift', {});
  const { data: routers } = useMethodQuery('routers.list', {});
  const { networkStaff, locked } = usePermissions();
  const formatTime = useFormatTime();
  const reasonOf = useRouterReason();
  const [routerId, setRouterId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const chosen = routerId || routers?.[0]?.id || '';

  async function reconcileNow() {
    setError(null);
    setBusy(true);
    const result = await call('provisioning.reconcile', { routerId: chosen });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    invalidateMethod('provisioning.drift');
    const r = result.data;
    toast(
      r.errorCode === null
        ? t('drift.reconciled', { checked: String(r.checked), repaired: String(r.repaired), unknown: String(r.unknown.length) })
        : t('drift.reconcileFailed', { reason: reasonOf(r.errorCode) }),
    );
  }

  const columns = useMemo<Column<DriftEntry>[]>(
    () => [
      {
        id: 'customer',
        header: t('drift.colAccount'),
        cell: (d) => (
          <span className="wa-customer">
            <span className="strong">{d.customerName ?? t('drift.unknownAccount')}</span>
            <span className="mono muted">{d.username}</span>
          </span>
        ),
      },
      { id: 'router', header: t('drift.colRouter'), cell: (d) => d.routerName ?? '—' },
      {
        id: 'found',
        header: t('drift.colFound'),
        cell: (d) => (
          <>
            {t(`drift.found_${d.kind}`)}
            {d.found ? <div className="mono muted">{d.found}</div> : null}
          </>
        ),
      },
      {
        id: 'done',
        header: t('drift.colDone'),
        cell: (d) =>
          d.outcome === 'failed' ? (
            <span className="field-error">{t('drift.done_failed', { reason: reasonOf(d.done) })}</span>
          ) : (
            <>
              {t(`drift.done_${d.outcome}`)}
              {d.done ? <div className="mono muted" data-testid="drift-done">{d.done}</div> : null}
            </>
          ),
      },
      { id: 'time', header: t('isolir.colTime'), className: 'wa-col-time', cell: (d) => formatTime(d.at) },
    ],
    [t, formatTime, reasonOf],
  );

  return (
    <>
      {networkStaff && routers && routers.length > 0 ? (
        <div className="toolbar" data-testid="drift-toolbar">
          <label>
            {t('drift.router')}{' '}
            <select value={chosen} onChange={(e) => setRouterId(e.target.value)} data-testid="drift-router">
              {routers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" className="button" disabled={locked || busy || chosen === ''} onClick={() => void reconcileNow()} data-testid="drift-reconcile">
            {busy ? t('drift.reconciling') : t('drift.reconcileNow')}
          </button>
          <p className="muted">{t('drift.intro')}</p>
        </div>
      ) : null}
      <DataTable
        {...list.table}
        label={t('drift.title')}
        columns={columns}
        rowKey={(d) => d.id}
        rowData={(d) => ({ 'data-customer': d.customerCode ?? '', 'data-username': d.username, 'data-kind': d.kind })}
        onOpen={(d) => {
          if (d.customerId) go(paths.customer(d.customerId));
        }}
        error={list.error ?? error}
        empty={<strong>{t('drift.empty')}</strong>}
        testId="drift-list"
        rowTestId="drift-row"
      />
    </>
  );
}
