import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../shared/domain/customer.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { useCustomerFilters } from '../../stores/customer-filters-store.js';
import { useDashboard } from '../../stores/data-stores.js';
import { go, paths } from '../../stores/nav-store.js';
import { useSession } from '../../stores/session-store.js';
import { useTenant } from '../../stores/tenant-store.js';
import { MoneyCards } from './MoneyCards.js';
import { PackageSummary } from './PackageSummary.js';
import { StatCard } from './StatCard.js';

export function DashboardScreen() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data, error } = useDashboard();
  const tenant = useTenant((s) => s.tenant);
  const user = useSession((s) => s.user);
  const { office } = usePermissions();

  function showCustomers(status: CustomerStatus) {
    useCustomerFilters.getState().setFilters({ query: '', status, packageId: null, area: null });
    go(paths.customersTab('customers'));
  }

  return (
    <div className="page" data-testid="dashboard">
      <div className="page-header">
        <div>
          <h1 data-testid="dashboard-tenant">{tenant?.name}</h1>
          <p className="muted">{user ? t('dashboard.welcome', { name: user.displayName }) : null}</p>
        </div>
      </div>
      <FormError error={error} />
      {data ? (
        <>
          <div className="stats">
            <StatCard tone="active" label={t('dashboard.active')} value={formatNumber(data.customers.active)} testId="stat-active" onOpen={() => showCustomers('active')} />
            <StatCard tone="isolated" label={t('dashboard.isolated')} value={formatNumber(data.customers.isolated)} testId="stat-isolated" onOpen={() => showCustomers('isolated')} />
            <StatCard tone="inactive" label={t('dashboard.inactive')} value={formatNumber(data.customers.inactive)} testId="stat-inactive" onOpen={() => showCustomers('inactive')} />
            <StatCard tone="neutral" label={t('dashboard.packages')} value={formatNumber(data.packages)} testId="stat-packages" onOpen={() => go(paths.customersTab('packages'))} />
          </div>
          {office ? <MoneyCards isolated={data.customers.isolated} onIsolated={() => showCustomers('isolated')} /> : null}
          {/* The business's numbers come only to the roles that see them (the core sends null to the rest). */}
          {data.monthlyRevenue === null ? null : (
            <div className="dashboard-grid">
              <div className="card">
                <div className="stat-label">{t('dashboard.revenue')}</div>
                <div className="revenue" data-testid="stat-revenue">
                  {formatRupiah(data.monthlyRevenue)}
                  <span className="muted">{t('common.perMonth')}</span>
                </div>
                <p className="muted">{t('dashboard.revenueHint')}</p>
              </div>
              <PackageSummary />
            </div>
          )}
        </>
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}
