import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_MESSAGE_STATUSES } from '../../../../shared/domain/wa.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { Icon } from '../../components/Icon.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useWaBroadcasts } from '../../stores/wa-stores.js';
import { BroadcastForm } from './BroadcastForm.js';
import { useAudienceLabel } from './use-audience-label.js';
import { useTemplateLabel, useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';

type Broadcast = MethodOutput<'wa.broadcast.list'>[number];

export function BroadcastList() {
  const { t } = useTranslation();
  const { data, error } = useWaBroadcasts();
  const { manager, locked } = usePermissions();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const audience = useAudienceLabel();
  const [cancelling, setCancelling] = useState<Broadcast | null>(null);
  const [creating, setCreating] = useState(false);


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
      <FormError error={error} />
      {data && data.length === 0 ? (
        <p className="muted" data-testid="wa-broadcast-empty">
          {t('whatsapp.broadcastEmpty')}
        </p>
      ) : (
        <table className="table" data-testid="wa-broadcast-table">
          <thead>
            <tr>
              <th>{t('whatsapp.colSchedule')}</th>
              <th>{t('whatsapp.audience')}</th>
              <th>{t('whatsapp.template')}</th>
              <th className="wa-col-progress">{t('whatsapp.colProgress')}</th>
              {manager ? <th className="col-actions" aria-label={t('whatsapp.cancelBroadcast')} /> : null}
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((b) => (
              <tr key={b.id} data-testid="wa-broadcast-row" data-id={b.id}>
                <td className="wa-time">
                  {formatTime(b.scheduledAt)}
                  {b.status === 'cancelled' ? (
                    <div>
                      <span className="badge badge-idle">{t('whatsapp.broadcastCancelled')}</span>
                    </div>
                  ) : null}
                </td>
                <td>{audience(b.filter)}</td>
                <td>{templateLabel(b.templateKey)}</td>
                <td>
                  <Progress broadcast={b} />
                </td>
                {manager ? (
                  <td className="col-actions">
                    {b.status === 'active' && (b.progress.queued ?? 0) > 0 ? (
                      <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setCancelling(b)} data-testid="wa-broadcast-cancel">
                        {t('whatsapp.cancelBroadcast')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? <BroadcastForm onClose={() => setCreating(false)} /> : null}
      {cancelling ? (
        <ConfirmDialog
          title={t('whatsapp.cancelBroadcast')}
          message={t('whatsapp.confirmCancel', { count: cancelling.progress.queued ?? 0 })}
          confirmLabel={t('whatsapp.cancelBroadcast')}
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

/** One bar for the whole audience: each status a coloured share, the counts spelled out below. */
function Progress({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const counts = WA_MESSAGE_STATUSES.map((status) => ({ status, count: broadcast.progress[status] ?? 0 })).filter((x) => x.count > 0);
  const total = Math.max(broadcast.total, counts.reduce((sum, x) => sum + x.count, 0));
  return (
    <div className="wa-progress" data-testid="wa-broadcast-progress">
      <div className="wa-bar" role="img" aria-label={counts.map((x) => `${t(`whatsapp.statuses.${x.status}`)} ${x.count}`).join(', ')}>
        {total > 0
          ? counts.map((x) => <span key={x.status} className={`wa-bar-${x.status}`} style={{ width: `${(x.count / total) * 100}%` }} />)
          : null}
      </div>
      <div className="wa-counts">
        <span className="strong">{t('whatsapp.recipients', { count: broadcast.total, total: formatNumber(broadcast.total) })}</span>
        {counts.map((x) => (
          <span key={x.status} data-testid={`wa-count-${x.status}`}>
            <i className={`wa-dot wa-bar-${x.status}`} aria-hidden="true" />
            {t(`whatsapp.statuses.${x.status}`)} {formatNumber(x.count)}
          </span>
        ))}
      </div>
    </div>
  );
}
