import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useCustomerDetail } from '../../stores/customer-detail-store.js';
import { useNav, type CustomersTab } from '../../stores/nav-store.js';
import { refreshCustomers } from '../../stores/customers-store.js';
import { toast } from '../../stores/toast-store.js';
import { PackageList } from '../packages/PackageList.js';
import { CustomerDetail } from './CustomerDetail.js';
import { CustomerForm } from './CustomerForm.js';
import { CustomerList } from './CustomerList.js';

export function CustomersScreen() {
  const { t } = useTranslation();
  const openId = useCustomerDetail((s) => s.openId);
  const { manager, locked } = usePermissions();
  const tab = useNav((s) => s.customersTab);
  const setTab = useNav((s) => s.showCustomersTab);
  const [adding, setAdding] = useState(false);

  if (openId) return <CustomerDetail />;

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('customers.title')}</h1>
        {manager ? (
          <button
            type="button"
            className="button primary"
            disabled={locked}
            onClick={() => setAdding(true)}
            data-testid={tab === 'customers' ? 'customer-add' : 'package-add'}
          >
            <Icon name="plus" size={16} />
            {tab === 'customers' ? t('customers.add') : t('packages.add')}
          </button>
        ) : null}
      </div>
      <Tabs<CustomersTab>
        label={t('customers.title')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'customers', label: t('customers.tabCustomers') },
          { id: 'packages', label: t('customers.tabPackages') },
        ]}
      />
      {tab === 'customers' ? <CustomerList /> : <PackageList adding={adding} onAddClosed={() => setAdding(false)} />}
      {adding && tab === 'customers' ? (
        <CustomerForm
          onClose={() => setAdding(false)}
          onSaved={(customer) => {
            setAdding(false);
            // The event will also arrive; refreshing now keeps the list right if the event socket is down.
            void refreshCustomers();
            toast(t('customers.created', { name: customer.name }));
          }}
        />
      ) : null}
    </div>
  );
}
