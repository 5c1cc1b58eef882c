import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Router } from '../../../../shared/domain/router.js';
import { formatDateTime } from '../../../../shared/util/time.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { useRouters } from '../../stores/data-stores.js';
import { useLocale } from '../../stores/locale-store.js';
import { useTenant } from '../../stores/tenant-store.js';

interface RouterListProps {
  onCheck(router: Router): void;
  onEdit(router: Router): void;
  onRemove(router: Router): void;
}

/** The routers: where each is reached, how it isolates, and what it said it is when last seen. */
export function RouterList({ onCheck, onEdit, onRemove }: RouterListProps) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data, error, loading } = useRouters();
  const { networkStaff, locked } = usePermissions();
  const zone = useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
  const locale = useLocale((s) => s.locale);

  const columns = useMemo<Column<Router>[]>(
    () => [
      {
        id: 'name',
        header: t('routers.colName'),
        className: 'strong',
        cell: (r) => (
          <>
            {r.name}
            {r.rosIdentity && r.rosIdentity !== r.name ? <div className="muted">{r.rosIdentity}</div> : null}
          </>
        ),
      },
      { id: 'address', header: t('routers.colAddress'), className: 'mono', cell: (r) => (r.host.includes(':') ? `[${r.host}]:${r.apiPort}` : `${r.host}:${r.apiPort}`) },
      { id: 'tls', header: t('routers.colTls'), cell: (r) => (r.tls ? t('common.yes') : t('common.no')) },
      { id: 'method', header: t('routers.colMethod'), cell: (r) => t(`isolirMethods.${r.isolirMethod}`) },
      { id: 'version', header: t('routers.colVersion'), className: 'mono', cell: (r) => r.rosVersion ?? t('common.none') },
      { id: 'seen', header: t('routers.colSeen'), cell: (r) => (r.detectedAt ? formatDateTime(r.detectedAt, zone, locale) : t('routers.never')) },
      { id: 'customers', header: t('routers.colCustomers'), className: 'num', cell: (r) => formatNumber(r.customerCount) },
      {
        id: 'actions',
        header: <span className="visually-hidden">{t('routers.check')}</span>,
        className: 'col-actions',
        cell: (r) => (
          <div className="page-actions">
            <button type="button" className="button small" onClick={() => onCheck(r)} aria-label={t('routers.checkLabel', { name: r.name })} data-testid="router-check">
              {t('routers.check')}
            </button>
            {networkStaff ? (
              <>
                <button type="button" className="button small" disabled={locked} onClick={() => onEdit(r)} data-testid="router-edit">
                  {t('common.edit')}
                </button>
                <button type="button" className="button small danger-outline" disabled={locked} onClick={() => onRemove(r)} data-testid="router-remove">
                  {t('routers.remove')}
                </button>
              </>
            ) : null}
          </div>
        ),
      },
    ],
    [t, formatNumber, zone, locale, networkStaff, locked, onCheck, onEdit, onRemove],
  );

  return (
    <DataTable
      label={t('routers.title')}
      columns={columns}
      rows={data ?? []}
      rowKey={routerKey}
      loading={loading}
      error={error}
      empty={t('routers.empty')}
      testId="router-table"
      rowTestId="router-row"
    />
  );
}

const routerKey = (r: Router) => r.id;
