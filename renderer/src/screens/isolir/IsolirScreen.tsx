import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { IsolirAction, IsolirView } from '../../../../shared/domain/isolir.js';
import { call } from '../../api/client.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { go, paths } from '../../stores/nav-store.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { useRowSelection } from '../../components/use-row-selection.js';
import { DriftList } from './DriftList.js';
import { IsolirBulkBar } from './IsolirBulkBar.js';
import { IsolirRequestDialog, type IsolirTarget } from './IsolirRequestDialog.js';
import { useIsolirState } from './isolir-text.js';

/** The request lists, and what the reconciler repaired on the routers. */
type IsolirTab = IsolirView | 'drift';
const VIEWS: readonly IsolirTab[] = ['isolated', 'pending', 'failed', 'reconnected', 'drift'];
const TAB_LABEL = {
  isolated: 'isolir.tabIsolated',
  pending: 'isolir.tabPending',
  failed: 'isolir.tabFailed',
  reconnected: 'isolir.tabReconnected',
  drift: 'drift.title',
} as const satisfies Record<IsolirTab, string>;
const EMPTY = {
  isolated: 'isolir.emptyIsolated',
  pending: 'isolir.emptyPending',
  failed: 'isolir.emptyFailed',
  reconnected: 'isolir.emptyReconnected',
} as const satisfies Record<IsolirView, string>;

/** Who is cut off now, what is still on its way to a router (and why it waits), what failed, who came back. */
export function IsolirScreen() {
  const { t } = useTranslation();
  const [view, setView] = useState<IsolirTab>('isolated');
  return (
    <div className="page" data-testid="isolir">
      <div className="page-header">
        <div>
          <h1>{t('isolir.title')}</h1>
          <p className="muted">{t('isolir.intro')}</p>
        </div>
      </div>
      <Tabs<IsolirTab> tabs={VIEWS.map((id) => ({ id, label: t(TAB_LABEL[id]) }))} current={view} onChange={setView} label={t('isolir.title')} />
      {view === 'drift' ? <DriftList /> : <IsolirList key={view} view={view} />}
    </div>
  );
}

function IsolirList({ view }: { view: IsolirView }) {
  const { t } = useTranslation();
  const list = useMethodPages('isolir.list', { view });
  const { networkStaff: isolates, locked } = usePermissions();
  const formatTime = useFormatTime();
  const stateOf = useIsolirState();
  const [reconnecting, setReconnecting] = useState<IsolirAction | null>(null);
  const [retryError, setRetryError] = useState<AppError | null>(null);
  // The isolated may be reconnected several at once (a row each paid at the counter this morning).
  const choosing = isolates && view === 'isolated';
  const selection = useRowSelection(list.items, rowKey, actionName);

  const columns = useMemo<Column<IsolirAction>[]>(() => {
    async function retry(id: string) {
      setRetryError(null);
      const result = await call('isolir.retry', { id });
      if (!result.ok) {
        setRetryError(result.error);
        return;
      }
      invalidateMethod('isolir.list');
      toast(t('isolir.retried'));
    }
    // A row opens the customer: its buttons keep their clicks and keys to themselves.
    const own = { onKeyDown: (e: KeyboardEvent) => e.stopPropagation() };
    const action = (a: IsolirAction) => {
      if (!isolates) return null;
      if (view === 'failed') {
        return (
          <button type="button" className="button small" disabled={locked} onClick={(e) => {
              e.stopPropagation();
              void retry(a.id);
            }} {...own} data-testid="isolir-retry">
            {t('isolir.retry')}
          </button>
        );
      }
      if (view === 'isolated') {
        return (
          <button type="button" className="button small" disabled={locked} onClick={(e) => {
              e.stopPropagation();
              setReconnecting(a);
            }} {...own} data-testid="isolir-reconnect">
            {t('isolir.reconnect')}
          </button>
        );
      }
      return null;
    };
    return [
      ...(choosing ? [selection.column] : []),
      {
        id: 'customer',
        header: t('isolir.colCustomer'),
        cell: (a) => (
          <span className="wa-customer">
            <span className="strong">{a.customerName ?? '—'}</span>
            <span className="mono muted">{a.customerCode ?? ''}</span>
          </span>
        ),
      },
      { id: 'kind', header: t('isolir.colKind'), cell: (a) => t(`isolir.kind_${a.kind}`) },
      { id: 'reason', header: t('isolir.colReason'), cell: (a) => a.reason },
      { id: 'state', header: t('isolir.colState'), cell: (a) => <span data-testid="isolir-state">{stateOf(a)}</span> },
      { id: 'by', header: t('isolir.colBy'), cell: (a) => (a.source === 'policy' ? t('isolir.byPolicy') : (a.requestedBy ?? '—')) },
      { id: 'time', header: t('isolir.colTime'), className: 'wa-col-time', cell: (a) => formatTime(a.appliedAt ?? a.updatedAt) },
      { id: 'action', header: <span className="visually-hidden">{t('isolir.retry')}</span>, className: 'col-actions', cell: action },
    ];
  }, [t, view, isolates, locked, formatTime, stateOf, choosing, selection.column]);

  return (
    <>
      {choosing ? <IsolirBulkBar chosen={[...selection.selected.values()].map(targetOf)} kinds={RECONNECT} onClear={selection.clear} locked={locked} /> : null}
      <DataTable
        {...list.table}
        label={t(TAB_LABEL[view])}
        columns={columns}
        rowKey={rowKey}
        rowData={rowData}
        onOpen={(a) => go(paths.customer(a.customerId))}
        onToggle={choosing ? selection.toggle : undefined}
        error={list.error ?? retryError}
        empty={<strong>{t(EMPTY[view])}</strong>}
        testId="isolir-list"
        rowTestId="isolir-row"
      />
      {reconnecting ? (
        <IsolirRequestDialog kind="reconnect" customers={[targetOf(reconnecting)]} onClose={() => setReconnecting(null)} />
      ) : null}
    </>
  );
}

const rowKey = (a: IsolirAction) => a.id;
const actionName = (a: IsolirAction) => a.customerName ?? a.customerCode ?? '';
const targetOf = (a: IsolirAction): IsolirTarget => ({ id: a.customerId, name: a.customerName ?? '', routerId: a.routerId });
const RECONNECT = ['reconnect'] as const;
const rowData = (a: IsolirAction) => ({ 'data-status': a.status, 'data-customer': a.customerCode ?? '' });
