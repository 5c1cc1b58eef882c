import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Icon } from '../../components/Icon.js';
import { AreaFilter } from '../../components/AreaFilter.js';
import { dayText } from '../../components/day-text.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { useRowSelection } from '../../components/use-row-selection.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { useBillingFilters } from '../../stores/billing-filters-store.js';
import { usePackages } from '../../stores/data-stores.js';
import { go, paths } from '../../stores/nav-store.js';
import { InvoiceStatusBadge } from './InvoiceStatusBadge.js';
import { InvoicePrintBar } from './InvoicePrintBar.js';
import { usePeriodLabel, useTenantToday } from './billing-format.js';
import { recentPeriods } from './billing-values.js';

const SEARCH_DELAY_MS = 200;
/** A year of months to pick from; older ones are rarely asked for at the counter. */
const PERIODS_SHOWN = 12;

export function InvoiceList() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const periodLabel = usePeriodLabel();
  const filters = useBillingFilters((s) => s.invoices);
  const setFilters = useBillingFilters((s) => s.setInvoiceFilters);
  const { query, period, status, open, due, packageId, area, customer } = filters;
  const filter = { query, period, status, open, dueFrom: due?.from ?? null, dueTo: due?.to ?? null, packageId, area, customerId: customer?.id ?? null };
  const list = useMethodPages('billing.invoices.list', filter);
  const selection = useRowSelection(list.items, rowKey, rowLabel);
  const packages = usePackages().data;
  const periods = recentPeriods(useTenantToday(), PERIODS_SHOWN);
  const [search, setSearch] = useState(query);

  // A card or a link may set the filters while the list is open: the box follows.
  useEffect(() => setSearch(query), [query]);
  useEffect(() => {
    if (search.trim() === useBillingFilters.getState().invoices.query) return;
    const timer = window.setTimeout(() => setFilters({ query: search.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, setFilters]);

  const columns = useMemo<Column<Invoice>[]>(() => {
    const statusLabel = Object.fromEntries(INVOICE_STATUSES.map((s) => [s, t(`billing.status_${s}`)]));
    return [
      selection.column,
      { id: 'number', header: t('billing.colNumber'), className: 'col-invoice-number mono', cell: (i) => i.number },
      {
        id: 'customer',
        header: t('billing.colCustomer'),
        className: 'strong',
        cell: (i) => (
          <>
            {i.customerName ?? t('common.none')} <span className="muted mono">{i.customerCode}</span>
          </>
        ),
      },
      { id: 'period', header: t('billing.colPeriod'), className: 'col-period', cell: (i) => (i.kind === 'one_off' ? t('billing.oneOff') : periodLabel(i.period)) },
      { id: 'due', header: t('billing.colDue'), className: 'col-day', cell: (i) => dayText(i.dueDate) },
      { id: 'total', header: t('billing.colTotal'), className: 'col-money num', cell: (i) => formatRupiah(i.total) },
      { id: 'balance', header: t('billing.colBalance'), className: 'col-money num', cell: (i) => (i.balance > 0 ? formatRupiah(i.balance) : t('common.none')) },
      { id: 'status', header: t('billing.colStatus'), className: 'col-invoice-status', cell: (i) => <InvoiceStatusBadge status={i.status} label={statusLabel[i.status] ?? i.status} /> },
    ];
  }, [t, periodLabel, selection.column]);

  return (
    <>
      <div className="toolbar">
        <label className="search">
          <Icon name="search" size={16} />
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('billing.searchPlaceholder')} aria-label={t('billing.searchLabel')} data-testid="invoice-search" />
        </label>
        <select aria-label={t('billing.periodFilter')} value={period ?? ''} onChange={(e) => setFilters({ period: e.target.value || null })} data-testid="invoice-filter-period">
          <option value="">{t('billing.allPeriods')}</option>
          {/* A period set from elsewhere (an invoice's own) stays choosable even when older than the list. */}
          {(period && !periods.includes(period) ? [period, ...periods] : periods).map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
        </select>
        <select aria-label={t('billing.statusFilter')} value={open ? OPEN : (status ?? '')} onChange={(e) => setFilters(statusFilter(e.target.value))} data-testid="invoice-filter-status">
          <option value="">{t('billing.allStatuses')}</option>
          <option value={OPEN}>{t('billing.statusOpen')}</option>
          {INVOICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`billing.status_${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('billing.packageFilter')} value={packageId ?? ''} onChange={(e) => setFilters({ packageId: e.target.value || null })} data-testid="invoice-filter-package">
          <option value="">{t('billing.allPackages')}</option>
          {(packages ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <AreaFilter value={area} onChange={(next) => setFilters({ area: next })} testId="invoice-filter-area" />
        <span className="toolbar-count" data-testid="invoice-count">
          {/* Pages carry no total: "50+" while more can be loaded. */}
          {t('billing.shown', { count: list.items.length, shown: `${formatNumber(list.items.length)}${list.more.hasMore ? '+' : ''}` })}
        </span>
      </div>
      {customer ? (
        <div className="filter-chip" data-testid="invoice-filter-customer">
          <span>{t('billing.customerFilter', { name: customer.name })}</span>
          <button type="button" className="link-button" onClick={() => setFilters({ customer: null })}>
            {t('billing.clearCustomer')}
          </button>
        </div>
      ) : null}
      {due ? (
        <div className="filter-chip" data-testid="invoice-filter-due">
          <span>{t('billing.dueFilter', { from: dayText(due.from), to: dayText(due.to) })}</span>
          <button type="button" className="link-button" onClick={() => setFilters({ due: null })}>
            {t('billing.clearDue')}
          </button>
        </div>
      ) : null}
      <InvoicePrintBar chosen={[...selection.selected.values()]} filter={filter} onClear={selection.clear} />
      <DataTable
        {...list.table}
        label={t('billing.tabInvoices')}
        columns={columns}
        rowKey={rowKey}
        onOpen={openInvoice}
        onToggle={selection.toggle}
        rowData={rowData}
        empty={
          <>
            <strong>{t('billing.empty')}</strong>
            <span className="muted">{t('billing.emptyHint')}</span>
          </>
        }
        fixed
        testId="invoice-table"
        rowTestId="invoice-row"
      />
    </>
  );
}

/** The status box's own value for "Belum lunas" (unpaid and partly paid), beside the four statuses. */
const OPEN = 'open';
function statusFilter(value: string): { status: InvoiceStatus | null; open: boolean } {
  const status = INVOICE_STATUSES.find((s) => s === value) ?? null;
  return { status, open: value === OPEN };
}

const rowKey = (i: Invoice) => i.id;
const rowLabel = (i: Invoice) => `${i.number} ${i.customerName ?? ''}`;
const rowData = (i: Invoice) => ({ 'data-number': i.number, 'data-status': i.status });
const openInvoice = (i: Invoice) => go(paths.invoice(i.id));
