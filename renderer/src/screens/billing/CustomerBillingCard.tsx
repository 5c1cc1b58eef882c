import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customer.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { Fact } from '../../components/Fact.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { openInvoices, openPayments, payCustomer } from '../../stores/billing-filters-store.js';
import { CustomerExemption } from './CustomerExemption.js';
import { CustomerPromises } from './CustomerPromises.js';
import { OneOffInvoiceDialog } from './OneOffInvoiceDialog.js';

/**
 * On a customer's page, for the office: what they owe, their invoices and payments a click away,
 * a one-off invoice, whether auto-isolir leaves them alone, and their promises to pay.
 */
export function CustomerBillingCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const { data: balance, error } = useMethodQuery('billing.customers.balance', { customerId: customer.id });
  const [oneOff, setOneOff] = useState(false);
  const pick = { id: customer.id, name: customer.name };
  return (
    <section className="card" data-testid="customer-billing">
      <div className="card-header">
        <h2>{t('billing.customerCardTitle')}</h2>
        <div className="page-actions">
          <button type="button" className="button small" disabled={locked} onClick={() => setOneOff(true)} data-testid="customer-one-off">
            {t('billingSettings.oneOff')}
          </button>
          <button type="button" className="button primary small" disabled={locked} onClick={() => payCustomer(customer.id)} data-testid="customer-pay">
            {t('billing.payCustomer')}
          </button>
        </div>
      </div>
      <FormError error={error} />
      {balance ? (
        <dl className="facts">
          <Fact label={t('billing.owed')} testId="customer-owed">
            {formatRupiah(balance.owed)}
          </Fact>
          {balance.overdue > 0 ? <Fact label={t('billing.overdue')}>{formatRupiah(balance.overdue)}</Fact> : null}
          {balance.credit > 0 ? <Fact label={t('billing.credit')}>{formatRupiah(balance.credit)}</Fact> : null}
        </dl>
      ) : null}
      <div className="card-links">
        <button type="button" className="link-button" onClick={() => openInvoices({ customer: pick })} data-testid="customer-invoices">
          {t('billing.customerInvoices')}
        </button>
        <button type="button" className="link-button" onClick={() => openPayments({ customer: pick })} data-testid="customer-payments">
          {t('billing.customerPayments')}
        </button>
      </div>
      <CustomerExemption customer={customer} />
      <CustomerPromises customer={customer} balance={balance} />
      {oneOff ? <OneOffInvoiceDialog customer={customer} onClose={() => setOneOff(false)} /> : null}
    </section>
  );
}
