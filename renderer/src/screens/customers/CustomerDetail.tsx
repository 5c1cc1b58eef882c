import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customer.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { formatDateTime } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Fact } from '../../components/Fact.js';
import { FormError } from '../../components/FormError.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { usePermissions } from '../../components/use-permissions.js';
import { setMethodData } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { go, paths } from '../../stores/nav-store.js';
import { useLocale } from '../../stores/locale-store.js';
import { useTenant } from '../../stores/tenant-store.js';
import { toast } from '../../stores/toast-store.js';
import { CustomerForm } from './CustomerForm.js';
import { RouterAccountState } from './RouterAccountState.js';
import { CustomerBillingCard } from '../billing/CustomerBillingCard.js';
import { IsolirHistory } from '../isolir/IsolirHistory.js';
import { IsolirRequestDialog } from '../isolir/IsolirRequestDialog.js';
import { CustomerSessionCard } from '../sessions/CustomerSessionCard.js';

type Dialog = 'edit' | 'toggle' | 'isolir' | null;

const closeCustomer = () => go(paths.customersTab('customers'));

/** A customer saved or toggled here is shown at once; the lists refresh from the core's event. */
function showCustomer(customer: Customer): void {
  setMethodData('customers.get', { id: customer.id }, customer);
}

export function CustomerDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: customer, error } = useMethodQuery('customers.get', { id });
  const { manager, networkStaff: isolates, office, locked } = usePermissions();
  const [dialog, setDialog] = useState<Dialog>(null);

  // Esc goes back to the list, unless it is closing a dialog on top of the detail.
  useEffect(() => {
    if (dialog) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) closeCustomer();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);

  return (
    <div className="page" data-testid="customer-detail">
      <button type="button" className="link-button" onClick={closeCustomer} data-testid="back-to-list">
        <Icon name="back" size={16} />
        {t('customers.backToList')}
        <kbd>Esc</kbd>
      </button>
      <FormError error={error} />
      {customer ? (
        <>
          <div className="page-header">
            <div>
              <h1 data-testid="detail-name">
                {customer.name} <StatusBadge status={customer.status} />
              </h1>
              <p className="muted mono">{customer.code}</p>
            </div>
            {manager || isolates ? (
              <div className="page-actions">
                {isolates && customer.status !== 'inactive' && customer.routerId !== null ? (
                  <button
                    type="button"
                    className={`button ${customer.status === 'isolated' ? 'primary' : 'danger-outline'}`}
                    disabled={locked}
                    onClick={() => setDialog('isolir')}
                    data-testid="customer-isolir"
                  >
                    {customer.status === 'isolated' ? t('isolir.reconnect') : t('isolir.isolate')}
                  </button>
                ) : null}
                {manager ? (
                  <>
                    <button type="button" className="button" disabled={locked} onClick={() => setDialog('edit')} data-testid="customer-edit">
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className={`button ${customer.status === 'inactive' ? 'primary' : 'danger-outline'}`}
                      disabled={locked}
                      onClick={() => setDialog('toggle')}
                      data-testid="customer-toggle"
                    >
                      {customer.status === 'inactive' ? t('customers.reactivate') : t('customers.deactivate')}
                    </button>
                  </>
                ) : null}
              </div>
            ) : null}
          </div>
          <CustomerFacts customer={customer} />
          {customer.routerId !== null ? <CustomerSessionCard customerId={customer.id} /> : null}
          {office ? <CustomerBillingCard customer={customer} /> : null}
          {isolates ? <IsolirHistory customerId={customer.id} /> : null}
          {dialog === 'edit' ? (
            <CustomerForm
              customer={customer}
              onClose={() => setDialog(null)}
              onSaved={(saved) => {
                showCustomer(saved);
                setDialog(null);
                toast(t('common.saved'));
              }}
            />
          ) : null}
          {dialog === 'toggle' ? <ToggleDialog customer={customer} onClose={() => setDialog(null)} /> : null}
          {dialog === 'isolir' ? (
            <IsolirRequestDialog kind={customer.status === 'isolated' ? 'reconnect' : 'isolate'} customers={[customer]} onClose={() => setDialog(null)} />
          ) : null}
        </>
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}

function CustomerFacts({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const zone = useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
  const locale = useLocale((s) => s.locale);
  const none = t('common.none');
  const coordinates = customer.latitude !== null && customer.longitude !== null ? `${customer.latitude}, ${customer.longitude}` : none;
  return (
    <div className="detail-grid">
      <section className="card">
        <h2>{t('customers.detailTitle')}</h2>
        <dl className="facts">
          <Fact label={t('customers.name')}>{customer.name}</Fact>
          <Fact label={t('customers.phone')} testId="detail-phone">
            <span className="mono">{formatPhoneLocal(customer.phone)}</span>
            {customer.whatsapp ? null : (
              <span className="muted" data-testid="detail-no-whatsapp">
                {' '}
                · {t('customers.noWhatsappBadge')}
              </span>
            )}
          </Fact>
          <Fact label={t('customers.address')}>{customer.address || none}</Fact>
          <Fact label={t('customers.area')} testId="detail-area">{customer.area || none}</Fact>
          <Fact label={t('customers.coordinates')}>{coordinates}</Fact>
          <Fact label={t('customers.notes')}>{customer.notes || none}</Fact>
        </dl>
      </section>
      <section className="card">
        <h2>{t('customers.serviceSection')}</h2>
        <dl className="facts">
          <Fact label={t('customers.package')} testId="detail-package">
            {customer.packageName} · {formatRupiah(customer.packagePrice)}
            {t('common.perMonth')}
          </Fact>
          <Fact label={t('customers.router')}>{customer.routerName ?? t('customers.noRouter')}</Fact>
          {customer.routerId !== null ? (
            <Fact label={t('provisioning.label')} testId="detail-router-account">
              <RouterAccountState customerId={customer.id} />
            </Fact>
          ) : null}
          <Fact label={t('customers.serviceType')}>{t(`serviceType.${customer.serviceType}`)}</Fact>
          <Fact label={t('customers.username')}>
            <span className="mono">{customer.username}</span>
          </Fact>
          <Fact label={t('customers.billingDay')}>{t('customers.billingDayValue', { day: customer.billingDay })}</Fact>
          <Fact label={t('customers.colStatus')}>
            <StatusBadge status={customer.status} />
          </Fact>
          <Fact label={t('customers.createdAt')}>{formatDateTime(customer.createdAt, zone, locale)}</Fact>
          <Fact label={t('customers.updatedAt')}>{formatDateTime(customer.updatedAt, zone, locale)}</Fact>
        </dl>
      </section>
    </div>
  );
}

function ToggleDialog({ customer, onClose }: { customer: Customer; onClose(): void }) {
  const { t } = useTranslation();
  const reactivate = customer.status === 'inactive';
  return (
    <ConfirmDialog
      title={reactivate ? t('customers.reactivate') : t('customers.deactivate')}
      message={
        reactivate
          ? t('customers.confirmReactivate', { name: customer.name })
          : // Only what is true: the router's account is disabled by provisioning; without a router nobody tells one.
            `${t('customers.confirmDeactivate', { name: customer.name })} ${t(customer.routerId === null ? 'customers.deactivateNoRouterNote' : 'customers.deactivateRouterNote', { service: t(`serviceType.${customer.serviceType}`), username: customer.username })}`
      }
      confirmLabel={reactivate ? t('customers.reactivate') : t('customers.deactivate')}
      danger={!reactivate}
      run={() => call(reactivate ? 'customers.reactivate' : 'customers.deactivate', { id: customer.id })}
      onDone={(saved) => {
        showCustomer(saved);
        onClose();
      }}
      onClose={onClose}
    />
  );
}
