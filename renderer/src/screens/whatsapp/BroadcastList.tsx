import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_MESSAGE_STATUSES } from '../../../../shared/domain/wa.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Icon } from '../../components/Icon.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { BroadcastForm } from './BroadcastForm.js';
import { HeldNote } from './MessageCells.js';
import { useAudienceLabel } from './use-audience-label.js';
import { useTemplateLabel, useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';

type Broadcast = MethodOutput<'wa.broadcast.list'>[number];

export function BroadcastList() {
  const { t } = useTranslation();
  const { data, error, loading } = useMethodQuery('wa.broadcast.list', {});
  const { manager, locked } = usePermissions();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const audience = useAudienceLabel();
  const [cancelling, setCancelling] = useState<Broadcast | null>(null);
  const [creating, setCreating] = useState(false);

  const columns = useMemo<Column<Broadcast>[]>(
    () => [
      {
        id: 'schedule',
        header: t('whatsapp.colSchedule'),
        className: 'wa-time',
        cell: (b) => (
          <>
            {formatTime(b.scheduledAt)}
            {b.status === 'active' ? null : (
              <div>
                <span className={`badge ${b.status === 'finished' ? 'badge-ok' : 'badge-idle'}`} data-testid="wa-broadcast-status" data-status={b.status}>
                  {t(b.status === 'finished' ? 'whatsapp.broadcastFinished' : 'whatsapp.broadcastCancelled')}
                </span>
              </div>
            )}
          </>
        ),
      },
      { id: 'audience', header: t('whatsapp.audience'), cell: (b) => audience(b.filter) },
      { id: 'template', header: t('whatsapp.template'), cell: (b) => templateLabel(b.templateKey) },
      { id: 'progress', header: t('whatsapp.colProgress'), className: 'wa-col-progress', cell: (b) => <Progress broadcast={b} /> },
      ...(manager
        ? [
            {
              id: 'cancel',
              header: <span className="visually-hidden">{t('whatsapp.cancelBroadcast')}</span>,
              className: 'col-actions',
              cell: (b: Broadcast) =>
                b.status === 'active' && (b.progress.queued ?? 0) > 0 ? (
                  <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setCancelling(b)} data-testid="wa-broadcast-cancel">
                    {t('whatsapp.cancelBroadcast')}
                  </button>
                ) : null,
            },
          ]
        : []),
    ],
    [t, formatTime, templateLabel, audience, manager, locked],
  );

  return (
    <section className="card">
      <div className="card-header">
        <h2>{t('whatsapp.broadcastList')}</h2>
        {manager ? (
          <button type="button" className="button primary" disabled={locked} onClick={() => setCreating(true)} data-testid="wa-broadcast-new">
            <Icon name="plus" size={16} />
            {t('whatsapp.broadcastNew')}
          </button>
        ) : null}
      </div>
      <DataTable
        label={t('whatsapp.broadcastList')}
        columns={columns}
        rows={data ?? NONE}
        rowKey={rowKey}
        rowData={rowData}
        loading={loading}
        error={error}
        empty={t('whatsapp.broadcastEmpty')}
        testId="wa-broadcast"
        rowTestId="wa-broadcast-row"
      />
      {creating ? <BroadcastForm onClose={() => setCreating(false)} /> : null}
      {cancelling ? (
        <ConfirmDialog
          title={t('whatsapp.cancelBroadcastTitle')}
          message={t('whatsapp.confirmCancel', { count: cancelling.progress.queued ?? 0 })}
          confirmLabel={t('whatsapp.cancelBroadcast')}
          dismissLabel={t('whatsapp.keepBroadcast')}
          danger
          run={() => call('wa.broadcast.cancel', { id: cancelling.id })}
          onDone={() => {
            invalidateMethod('wa.broadcast.list');
            setCancelling(null);
            toast(t('whatsapp.broadcastCancelledToast'));
          }}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </section>
  );
}

const NONE: readonly Broadcast[] = [];
const rowKey = (b: Broadcast) => b.id;
const rowData = (b: Broadcast) => ({ 'data-id': b.id });

/** One bar for the whole audience: each status a coloured share, the counts spelled out below. */
function Progress({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const counts = WA_MESSAGE_STATUSES.map((status) => ({ status, count: broadcast.progress[status] ?? 0 })).filter((x) => x.count > 0);
  const total = Math.max(broadcast.total, counts.reduce((sum, x) => sum + x.count, broadcast.simulated));
  const reached = (broadcast.progress.sent ?? 0) + (broadcast.progress.delivered ?? 0) + (broadcast.progress.read ?? 0);
  return (
    <div className="wa-progress" data-testid="wa-broadcast-progress">
      <div className="wa-bar" role="img" aria-label={counts.map((x) => `${t(`whatsapp.statuses.${x.status}`)} ${x.count}`).join(', ')}>
        {total > 0
          ? [...counts, { status: 'simulated', count: broadcast.simulated }].map((x) => (
              <span key={x.status} className={`wa-bar-${x.status}`} style={{ width: `${(x.count / total) * 100}%` }} />
            ))
          : null}
      </div>
      <div className="wa-counts">
        <span className="strong" data-testid="wa-broadcast-total">
          {broadcast.status === 'finished'
            ? t('whatsapp.broadcastReached', { count: broadcast.total, reached: formatNumber(reached), total: formatNumber(broadcast.total) })
            : t('whatsapp.recipients', { count: broadcast.total, total: formatNumber(broadcast.total) })}
        </span>
        {counts.map((x) => (
          <span key={x.status} data-testid={`wa-count-${x.status}`}>
            <i className={`wa-dot wa-bar-${x.status}`} aria-hidden="true" />
            {t(`whatsapp.statuses.${x.status}`)} {formatNumber(x.count)}
          </span>
        ))}
        {broadcast.simulated > 0 ? (
          <span title={t('whatsapp.simulatedHint')} data-testid="wa-count-simulated">
            <i className="wa-dot wa-bar-simulated" aria-hidden="true" />
            {t('whatsapp.simulated')} {formatNumber(broadcast.simulated)}
          </span>
        ) : null}
      </div>
      <HeldNote heldUntil={broadcast.heldUntil} />
    </div>
  );
}
