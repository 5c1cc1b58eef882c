import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { go, paths, type CustomersTab } from '../../stores/nav-store.js';
import { toast } from '../../stores/toast-store.js';
import { PackageList } from '../packages/PackageList.js';
import { CustomerForm } from './CustomerForm.js';
import { CustomerList } from './CustomerList.js';
import { CustomerFileButtons } from './import/CustomerFileButtons.js';

export function CustomersScreen({ tab }: { tab: CustomersTab }) {
  const { t } = useTranslation();
  const { manager, locked } = usePermissions();
  const [adding, setAdding] = useState(false);

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('customers.title')}</h1>
        {manager ? (
          <div className="page-actions">
            {tab === 'customers' ? <CustomerFileButtons locked={locked} /> : null}
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
          </div>
        ) : null}
      </div>
      <Tabs<CustomersTab>
        label={t('customers.title')}
        current={tab}
        onChange={(next) => go(paths.customersTab(next))}
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
            invalidateMethod('customers.list');
            toast(t('customers.created', { name: customer.name }));
          }}
        />
      ) : null}
    </div>
  );
}
