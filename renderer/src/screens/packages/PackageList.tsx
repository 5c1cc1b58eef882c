import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Package } from '../../../../shared/domain/package.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { FormError } from '../../components/FormError.js';
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
  const { data, error } = usePackages();
  const { manager, locked } = usePermissions();
  const [editing, setEditing] = useState<Package | null>(null);
  const canEdit = manager && !locked;


  function close() {
    setEditing(null);
    onAddClosed();
  }

  return (
    <>
      <FormError error={error} />
      <div className="table-wrap">
        <table className="table" data-testid="package-table">
          <thead>
            <tr>
              <th>{t('packages.colName')}</th>
              <th className="num">{t('packages.colPrice')}</th>
              <th>{t('packages.colRate')}</th>
              <th>{t('packages.colProfile')}</th>
              <th className="num">{t('packages.colCustomers')}</th>
              <th className="col-status">{t('packages.colActive')}</th>
              {manager ? <th className="col-actions" aria-label={t('common.edit')} /> : null}
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((p) => (
              <tr key={p.id} data-testid="package-row">
                <td className="strong">{p.name}</td>
                <td className="num">{formatRupiah(p.price)}</td>
                <td className="mono">{p.rateLimit || t('common.none')}</td>
                <td className="mono">{p.routerProfile || t('common.none')}</td>
                <td className="num">{formatNumber(p.customerCount)}</td>
                <td>
                  <ActiveBadge active={p.active} />
                </td>
                {manager ? (
                  <td className="col-actions">
                    <button type="button" className="button small" disabled={!canEdit} onClick={() => setEditing(p)} data-testid="package-edit">
                      {t('common.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.length === 0 ? <div className="empty">{t('packages.empty')}</div> : null}
      </div>
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
