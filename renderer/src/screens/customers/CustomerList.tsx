import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES, type Customer, type CustomerStatus } from '../../../../shared/domain/customer.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { StatusBadgeText } from '../../components/StatusBadge.js';
import { Icon } from '../../components/Icon.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { usePackages } from '../../stores/data-stores.js';
import { go, paths } from '../../stores/nav-store.js';
import { useCustomerFilters } from '../../stores/customer-filters-store.js';
import { useRowSelection } from '../../components/use-row-selection.js';
import { IsolirBulkBar } from '../isolir/IsolirBulkBar.js';
import { AreaFilter } from '../../components/AreaFilter.js';

const SEARCH_DELAY_MS = 200;
/** What a role that does not browse the list types before anyone is shown (the core's own rule). */
const FIND_MIN_CHARS = 3;

export function CustomerList() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { query, status, packageId, area, setFilters } = useCustomerFilters();
  const { browsesCustomers, networkStaff, locked } = usePermissions();
  // A collector finds the customer in front of them; the whole list is the office's.
  const mustSearch = !browsesCustomers && query.replace(/\s/g, '').length < FIND_MIN_CHARS;
  const list = useMethodPages('customers.list', { query, status, packageId, area }, { enabled: !mustSearch });
  const packages = usePackages().data;
  const [search, setSearch] = useState(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const total = list.first?.total ?? 0;
  const selection = useRowSelection(list.items, rowKey, customerName);
  const { clear } = selection;

  // Another search or filter is another list: what was chosen in the last one is not carried over unseen.
  useEffect(() => clear(), [query, status, packageId, area, clear]);

  // The server searches names, both phone forms and usernames; we only wait for a pause in typing.
  useEffect(() => {
    if (search.trim() === useCustomerFilters.getState().query) return;
    const timer = window.setTimeout(() => setFilters({ query: search.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, setFilters]);

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

  // Labels read once per language, not by a hook in each of the rows drawn while scrolling.
  const columns = useMemo<Column<Customer>[]>(() => {
    const statusLabel = Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, t(`status.${s}`)]));
    return [
      // Those who run the network choose customers here to isolate or reconnect them together.
      ...(networkStaff ? [selection.column] : []),
      { id: 'code', header: t('customers.colCode'), className: 'col-code mono', cell: (c) => c.code },
      { id: 'name', header: t('customers.colName'), className: 'strong', cell: (c) => c.name },
      { id: 'phone', header: t('customers.colPhone'), className: 'col-phone mono', cell: (c) => (c.whatsapp ? formatPhoneLocal(c.phone) : `${formatPhoneLocal(c.phone)} · ${t('customers.noWhatsappBadge')}`) },
      { id: 'package', header: t('customers.colPackage'), className: 'col-package', cell: (c) => c.packageName },
      { id: 'username', header: t('customers.colUsername'), className: 'col-username mono', cell: (c) => c.username },
      { id: 'status', header: t('customers.colStatus'), className: 'col-status', cell: (c) => <StatusBadgeText status={c.status} label={statusLabel[c.status] ?? c.status} /> },
    ];
  }, [t, networkStaff, selection.column]);

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
          value={status ?? ''}
          onChange={(e) => setFilters({ status: (e.target.value || null) as CustomerStatus | null })}
          data-testid="filter-status"
        >
          <option value="">{t('customers.allStatuses')}</option>
          {CUSTOMER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('customers.packageFilter')} value={packageId ?? ''} onChange={(e) => setFilters({ packageId: e.target.value || null })} data-testid="filter-package">
          <option value="">{t('customers.allPackages')}</option>
          {(packages ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <AreaFilter value={area} onChange={(next) => setFilters({ area: next })} testId="filter-area" />
        {mustSearch ? null : (
          <span className="toolbar-count" data-testid="customer-total">
            {t('customers.total', { count: total, total: formatNumber(total) })}
            {list.items.length < total ? <span className="muted"> · {t('customers.shown', { shown: formatNumber(list.items.length) })}</span> : null}
          </span>
        )}
      </div>
      {networkStaff ? <IsolirBulkBar chosen={[...selection.selected.values()]} kinds={BULK_KINDS} onClear={clear} locked={locked} /> : null}
      {mustSearch ? (
        <div className="card empty" data-testid="customer-search-first">
          <strong>{t('customers.searchFirst')}</strong>
          <span className="muted">{t('customers.searchFirstHint')}</span>
        </div>
      ) : (
        <DataTable
          {...list.table}
          label={t('customers.title')}
          columns={columns}
          rowKey={rowKey}
          onOpen={openCustomer}
          onToggle={networkStaff ? selection.toggle : undefined}
          rowData={rowData}
          empty={
            <>
              <strong>{t('customers.empty')}</strong>
              <span className="muted">{t('customers.emptyHint')}</span>
            </>
          }
          fixed
          testId="customer-table"
          rowTestId="customer-row"
        />
      )}
    </>
  );
}

const rowKey = (c: Customer) => c.id;
const customerName = (c: Customer) => c.name;
const BULK_KINDS = ['isolate', 'reconnect'] as const;
const rowData = (c: Customer) => ({ 'data-code': c.code });
const openCustomer = (c: Customer) => go(paths.customer(c.id));

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}
