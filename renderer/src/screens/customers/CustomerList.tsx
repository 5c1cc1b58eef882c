import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../shared/domain/customer.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { FormError } from '../../components/FormError.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { openCustomer } from '../../stores/customer-detail-store.js';
import { loadCustomers, loadMoreCustomers, setCustomerFilters, useCustomers } from '../../stores/customers-store.js';
import { usePackages } from '../../stores/data-stores.js';
import { useNumberFormat } from '../../components/use-number-format.js';

const SEARCH_DELAY_MS = 200;

export function CustomerList() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const state = useCustomers();
  const packages = usePackages((s) => s.data);
  const [search, setSearch] = useState(state.query);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const { loaded, loading } = useCustomers.getState();
    if (!loaded && !loading) void loadCustomers();
    void usePackages.getState().load();
  }, []);

  // The server searches names, both phone forms and usernames; we only wait for a pause in typing.
  useEffect(() => {
    if (search.trim() === useCustomers.getState().query) return;
    const timer = window.setTimeout(() => void setCustomerFilters({ query: search.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  // "/" jumps to the search box from anywhere on the list, as in most web apps.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== '/' || isTyping(e.target)) return;
      e.preventDefault();
      searchRef.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <div className="toolbar">
        <label className="search">
          <Icon name="search" size={16} />
          <input
            ref={searchRef}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('customers.searchLabel')}
            data-testid="customer-search"
          />
          <kbd>/</kbd>
        </label>
        <select
          aria-label={t('customers.statusFilter')}
          value={state.status ?? ''}
          onChange={(e) => void setCustomerFilters({ status: (e.target.value || null) as CustomerStatus | null })}
          data-testid="filter-status"
        >
          <option value="">{t('customers.allStatuses')}</option>
          {CUSTOMER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('customers.packageFilter')}
          value={state.packageId ?? ''}
          onChange={(e) => void setCustomerFilters({ packageId: e.target.value || null })}
          data-testid="filter-package"
        >
          <option value="">{t('customers.allPackages')}</option>
          {(packages ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <span className="toolbar-count" data-testid="customer-total" aria-live="polite">
          {t('customers.total', { count: state.total, total: formatNumber(state.total) })}
          {state.items.length < state.total ? <span className="muted"> · {t('customers.shown', { shown: formatNumber(state.items.length) })}</span> : null}
        </span>
      </div>
      <FormError error={state.error} />
      <div className={`table-wrap${state.loading ? ' is-loading' : ''}`}>
        <table className="table fixed" data-testid="customer-table">
          <thead>
            <tr>
              <th className="col-code">{t('customers.colCode')}</th>
              <th>{t('customers.colName')}</th>
              <th className="col-phone">{t('customers.colPhone')}</th>
              <th className="col-package">{t('customers.colPackage')}</th>
              <th className="col-username">{t('customers.colUsername')}</th>
              <th className="col-status">{t('customers.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((c) => (
              <tr
                key={c.id}
                tabIndex={0}
                className="row-link"
                data-testid="customer-row"
                data-code={c.code}
                onClick={() => void openCustomer(c.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void openCustomer(c.id);
                }}
              >
                <td className="mono">{c.code}</td>
                <td className="strong">{c.name}</td>
                <td className="mono">{formatPhoneLocal(c.phone)}</td>
                <td>{c.packageName}</td>
                <td className="mono">{c.username}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {state.loaded && state.items.length === 0 ? (
          <div className="empty" data-testid="customer-empty">
            <strong>{t('customers.empty')}</strong>
            <span className="muted">{t('customers.emptyHint')}</span>
          </div>
        ) : null}
      </div>
      {state.nextCursor ? (
        <div className="list-footer">
          <button type="button" className="button" disabled={state.loading} onClick={() => void loadMoreCustomers()} data-testid="load-more">
            {state.loading ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}
