import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../shared/util/money.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { usePackages } from '../../stores/data-stores.js';
import { go, paths } from '../../stores/nav-store.js';

/** Who is on which package; on a new install, where to start instead. */
export function PackageSummary() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data } = usePackages();
  const { manager } = usePermissions();


  if (!data) return null;
  if (data.length === 0) {
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
      <table className="table compact">
        <tbody>
          {data.map((p) => (
            <tr key={p.id}>
              <td className="strong">{p.name}</td>
              <td className="num">{formatRupiah(p.price)}</td>
              <td className="num muted">{t('dashboard.customersOnPackage', { count: p.customerCount, total: formatNumber(p.customerCount) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
