import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Package } from '../../../../shared/domain/package.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ActiveBadge } from '../../components/StatusBadge.js';
import { usePermissions } from '../../components/use-permissions.js';
import { usePackages } from '../../stores/data-stores.js';
import { toast } from '../../stores/toast-store.js';
import { PackageForm } from './PackageForm.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { invalidateMethod } from '../../query/query-client.js';


interface PackageListProps {
  /** The "Tambah paket" button lives in the page header, like "Tambah pelanggan". */
  adding: boolean;
  onAddClosed(): void;
}

export function PackageList({ adding, onAddClosed }: PackageListProps) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data, error, loading } = usePackages();
  const { manager, locked, seesRevenue } = usePermissions();
  const [editing, setEditing] = useState<Package | null>(null);
  const canEdit = manager && !locked;


  const columns = useMemo<Column<Package>[]>(
    () => [
      { id: 'name', header: t('packages.colName'), className: 'strong', cell: (p) => p.name },
      { id: 'price', header: t('packages.colPrice'), className: 'num', cell: (p) => formatRupiah(p.price) },
      { id: 'rate', header: t('packages.colRate'), className: 'mono', cell: (p) => p.rateLimit || t('common.none') },
      { id: 'profile', header: t('packages.colProfile'), className: 'mono', cell: (p) => p.routerProfile || t('common.none') },
      ...(seesRevenue ? [{ id: 'customers', header: t('packages.colCustomers'), className: 'num', cell: (p: Package) => formatNumber(p.customerCount ?? 0) }] : []),
      { id: 'active', header: t('packages.colActive'), className: 'col-status', cell: (p) => <ActiveBadge active={p.active} /> },
      ...(manager
        ? [
            {
              id: 'edit',
              header: <span className="visually-hidden">{t('common.edit')}</span>,
              className: 'col-actions',
              cell: (p: Package) => (
                <button type="button" className="button small" disabled={!canEdit} onClick={() => setEditing(p)} data-testid="package-edit">
                  {t('common.edit')}
                </button>
              ),
            },
          ]
        : []),
    ],
    [t, formatNumber, manager, canEdit, seesRevenue],
  );

  function close() {
    setEditing(null);
    onAddClosed();
  }

  return (
    <>
      <DataTable
        label={t('customers.tabPackages')}
        columns={columns}
        rows={data ?? []}
        rowKey={packageKey}
        loading={loading}
        error={error}
        empty={t('packages.empty')}
        testId="package-table"
        rowTestId="package-row"
      />
      {editing || adding ? (
        <PackageForm
          {...(editing ? { pkg: editing } : {})}
          onClose={close}
          onSaved={() => {
            close();
            invalidateMethod('packages.list');
            toast(t('common.saved'));
          }}
        />
      ) : null}
    </>
  );
}

const packageKey = (p: Package) => p.id;
