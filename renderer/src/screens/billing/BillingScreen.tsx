import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { go, paths, type BillingTab } from '../../stores/nav-store.js';
import { GenerateInvoices } from './GenerateInvoices.js';
import { InvoiceList } from './InvoiceList.js';
import { PaymentDesk } from './PaymentDesk.js';
import { PaymentHistory } from './PaymentHistory.js';
import { ReportsPanel } from './ReportsPanel.js';
import { BillingSettingsPanel } from './settings/BillingSettingsPanel.js';

const TABS: readonly BillingTab[] = ['invoices', 'pay', 'payments', 'reports', 'settings'];
const TAB_LABEL = {
  invoices: 'billing.tabInvoices',
  pay: 'billing.tabPay',
  payments: 'billing.tabPayments',
  reports: 'billing.tabReports',
  settings: 'billingSettings.tab',
} as const;

export function BillingScreen({ tab: current }: { tab: string | undefined }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const tab = TABS.find((x) => x === current) ?? 'invoices';

  return (
    <div className="page" data-testid="billing">
      <div className="page-header">
        <h1>{t('billing.title')}</h1>
        {tab === 'invoices' ? <GenerateInvoices locked={locked} /> : null}
      </div>
      <Tabs<BillingTab> label={t('billing.title')} tabs={TABS.map((id) => ({ id, label: t(TAB_LABEL[id]) }))} current={tab} onChange={(next) => go(paths.billingTab(next))} />
      {tab === 'invoices' ? <InvoiceList /> : null}
      {tab === 'pay' ? <PaymentDesk locked={locked} /> : null}
      {tab === 'payments' ? <PaymentHistory locked={locked} /> : null}
      {tab === 'reports' ? <ReportsPanel /> : null}
      {tab === 'settings' ? <BillingSettingsPanel /> : null}
    </div>
  );
}
