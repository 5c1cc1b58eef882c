import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_MESSAGE_STATUSES } from '../../../../shared/domain/wa.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { FormError } from '../../components/FormError.js';
import { loadMoreWaLogs, loadWaLogs, setWaLogFilters, useWaLogs, type WaMessageStatus } from '../../stores/wa-logs-store.js';
import { ProviderCell, ReasonText } from './MessageCells.js';
import { MessageStatusBadge } from './WaBadges.js';
import { useTemplateLabel, useFormatTime, useTenantZone } from './use-wa-format.js';
import { nextDayInput, zonedInputToIso } from './zoned-time.js';

const SEARCH_DELAY_MS = 300;
/**
 * What set a message off, as the log stores it (wa_messages.event): a domain event, a broadcast or
 * a test. Grows with the notifier's rules (main/wa/notifier.ts) as billing, isolir and maps land.
 */
const TRIGGERS = ['customer_created', 'broadcast', 'test'] as const;

export function WaLog() {
  const { t } = useTranslation();
  const state = useWaLogs();
  const zone = useTenantZone();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const [number, setNumber] = useState(state.number);
  // The picked days, as typed; the store holds the instants they stand for in the tenant's zone.
  const [days, setDays] = useState({ from: '', to: '' });

  useEffect(() => {
    const { loaded, loading } = useWaLogs.getState();
    if (!loaded && !loading) void loadWaLogs();
  }, []);

  useEffect(() => {
    if (number.trim() === useWaLogs.getState().number) return;
    const timer = window.setTimeout(() => void setWaLogFilters({ number: number.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [number]);

  function pickDays(next: { from: string; to: string }) {
    setDays(next);
    void setWaLogFilters({
      from: next.from ? zonedInputToIso(next.from, zone) : null,
      // The whole "to" day counts: the range ends at the next midnight.
      to: next.to ? zonedInputToIso(nextDayInput(next.to), zone) : null,
    });
  }

  return (
    <>
      <div className="toolbar wa-log-filters">
        <select
          aria-label={t('whatsapp.colStatus')}
          value={state.status ?? ''}
          onChange={(e) => void setWaLogFilters({ status: (e.target.value || null) as WaMessageStatus | null })}
          data-testid="wa-log-status"
        >
          <option value="">{t('whatsapp.allStatuses')}</option>
          {WA_MESSAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`whatsapp.statuses.${status}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          className="wa-log-number"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder={t('whatsapp.numberFilter')}
          aria-label={t('whatsapp.numberFilter')}
          inputMode="tel"
          data-testid="wa-log-number"
        />
        <select aria-label={t('whatsapp.trigger')} value={state.event ?? ''} onChange={(e) => void setWaLogFilters({ event: e.target.value || null })} data-testid="wa-log-event">
          <option value="">{t('whatsapp.allTriggers')}</option>
          {TRIGGERS.map((key) => (
            <option key={key} value={key}>
              {t(`whatsapp.triggers.${key}`)}
            </option>
          ))}
        </select>
        <label className="wa-date">
          <span>{t('whatsapp.dateFrom')}</span>
          <input type="date" value={days.from} max={days.to || undefined} onChange={(e) => pickDays({ ...days, from: e.target.value })} data-testid="wa-log-from" />
        </label>
        <label className="wa-date">
          <span>{t('whatsapp.dateTo')}</span>
          <input type="date" value={days.to} min={days.from || undefined} onChange={(e) => pickDays({ ...days, to: e.target.value })} data-testid="wa-log-to" />
        </label>
      </div>
      <FormError error={state.error} />
      <div className={`table-wrap${state.loading ? ' is-loading' : ''}`}>
        <table className="table fixed wa-log-table" data-testid="wa-log-table">
          <thead>
            <tr>
              <th className="wa-col-time">{t('whatsapp.colTime')}</th>
              <th className="wa-col-number">{t('whatsapp.colNumber')}</th>
              <th className="wa-col-event">{t('whatsapp.colEvent')}</th>
              <th>{t('whatsapp.colMessage')}</th>
              <th className="wa-col-status">{t('whatsapp.colStatus')}</th>
              <th className="wa-col-provider">{t('whatsapp.colProvider')}</th>
              <th className="wa-col-attempts num">{t('whatsapp.colAttempts')}</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((m) => (
              <tr key={m.id} data-testid="wa-log-row" data-status={m.status}>
                <td className="wa-time">{formatTime(m.createdAt)}</td>
                <td className="mono" data-testid="wa-log-to-cell">
                  {formatPhoneLocal(m.to)}
                </td>
                <td title={templateLabel(m.templateKey)}>{templateLabel(m.templateKey)}</td>
                <td className="wa-message-cell">
                  <span className="muted" title={m.preview}>
                    {m.preview}
                  </span>
                  <ReasonText message={m} />
                </td>
                <td>
                  <MessageStatusBadge status={m.status} />
                </td>
                <td>
                  <ProviderCell message={m} />
                </td>
                <td className="num">{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {state.loaded && state.items.length === 0 ? (
          <div className="empty" data-testid="wa-log-empty">
            <strong>{t('whatsapp.logEmpty')}</strong>
          </div>
        ) : null}
      </div>
      {state.nextCursor ? (
        <div className="list-footer">
          <button type="button" className="button" disabled={state.loading} onClick={() => void loadMoreWaLogs()} data-testid="wa-log-more">
            {state.loading ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}
