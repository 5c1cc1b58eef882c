import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { usePackages } from '../../stores/data-stores.js';
import { go, paths } from '../../stores/nav-store.js';

type Package = MethodOutput<'packages.list'>[number];

/** Who is on which package; on a new install, where to start instead. */
export function PackageSummary() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data, error, loading } = usePackages();
  const { manager } = usePermissions();

  const columns = useMemo<Column<Package>[]>(
    () => [
      { id: 'name', header: t('packages.colName'), className: 'strong', cell: (p) => p.name },
      { id: 'price', header: t('packages.colPrice'), className: 'num', cell: (p) => formatRupiah(p.price) },
      { id: 'customers', header: t('packages.colCustomers'), className: 'num', cell: (p) => formatNumber(p.customerCount ?? 0) },
    ],
    [t, formatNumber],
  );

  if (data && data.length === 0) {
    return (
      <div className="card getting-started" data-testid="getting-started">
        <h2>{t('dashboard.startTitle')}</h2>
        <p>{t('dashboard.startBody')}</p>
        {manager ? (
          <button type="button" className="button primary" onClick={() => go(paths.customersTab('packages'))}>
            {t('dashboard.openPackages')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="card">
      <h2>{t('dashboard.packagesTitle')}</h2>
      <DataTable
        label={t('dashboard.packagesTitle')}
        columns={columns}
        rows={data ?? NONE}
        rowKey={rowKey}
        loading={loading}
        error={error}
        // Never shown: without packages the card above takes this one's place.
        empty={null}
        className="compact"
        testId="package-summary"
        rowTestId="package-summary-row"
      />
    </div>
  );
}

const NONE: readonly Package[] = [];
const rowKey = (p: Package) => p.id;
