import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_MESSAGE_STATUSES } from '../../../../shared/domain/wa.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { DateInput } from '../../components/DateInput.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { useMethodPages } from '../../query/use-method-pages.js';
import { useWaLogFilters, type WaMessage, type WaMessageStatus } from '../../stores/wa-logs-store.js';
import { HeldNote, MessageStatusCell, ProviderCell, ReasonText } from './MessageCells.js';
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
  const { setFilters, ...filters } = useWaLogFilters();
  const list = useMethodPages('wa.logs.list', filters);
  const zone = useTenantZone();
  const formatTime = useFormatTime();
  const templateLabel = useTemplateLabel();
  const [number, setNumber] = useState(filters.number);
  // The picked days, as typed; the store holds the instants they stand for in the tenant's zone.
  const [days, setDays] = useState({ from: '', to: '' });

  useEffect(() => {
    if (number.trim() === useWaLogFilters.getState().number) return;
    const timer = window.setTimeout(() => setFilters({ number: number.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [number, setFilters]);

  const columns = useMemo<Column<WaMessage>[]>(
    () => [
      { id: 'time', header: t('whatsapp.colTime'), className: 'wa-col-time wa-time', cell: (m) => formatTime(m.createdAt) },
      { id: 'number', header: t('whatsapp.colNumber'), className: 'wa-col-number mono', cell: (m) => <span data-testid="wa-log-to-cell">{formatPhoneLocal(m.to)}</span> },
      { id: 'event', header: t('whatsapp.colEvent'), className: 'wa-col-event', cell: (m) => <span title={templateLabel(m.templateKey)}>{templateLabel(m.templateKey)}</span> },
      {
        id: 'message',
        header: t('whatsapp.colMessage'),
        className: 'wa-message-cell',
        cell: (m) => (
          <>
            <span className="muted" title={m.preview}>
              {m.preview}
            </span>
            <ReasonText message={m} />
            <HeldNote heldUntil={m.heldUntil} />
          </>
        ),
      },
      { id: 'status', header: t('whatsapp.colStatus'), className: 'wa-col-status', cell: (m) => <MessageStatusCell message={m} /> },
      { id: 'provider', header: t('whatsapp.colProvider'), className: 'wa-col-provider', cell: (m) => <ProviderCell message={m} /> },
      { id: 'attempts', header: t('whatsapp.colAttempts'), className: 'wa-col-attempts num', cell: (m) => m.attempts },
    ],
    [t, formatTime, templateLabel],
  );

  function pickDays(next: { from: string; to: string }) {
    setDays(next);
    setFilters({
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
          value={filters.status ?? ''}
          onChange={(e) => setFilters({ status: (e.target.value || null) as WaMessageStatus | null })}
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
        <select aria-label={t('whatsapp.trigger')} value={filters.event ?? ''} onChange={(e) => setFilters({ event: e.target.value || null })} data-testid="wa-log-event">
          <option value="">{t('whatsapp.allTriggers')}</option>
          {TRIGGERS.map((key) => (
            <option key={key} value={key}>
              {t(`whatsapp.triggers.${key}`)}
            </option>
          ))}
        </select>
        <div className="wa-date">
          <span aria-hidden="true">{t('whatsapp.dateFrom')}</span>
          <DateInput value={days.from} max={days.to || undefined} onChange={(from) => pickDays({ ...days, from })} label={t('whatsapp.dateFrom')} testId="wa-log-from" />
        </div>
        <div className="wa-date">
          <span aria-hidden="true">{t('whatsapp.dateTo')}</span>
          <DateInput value={days.to} min={days.from || undefined} onChange={(to) => pickDays({ ...days, to })} label={t('whatsapp.dateTo')} testId="wa-log-to" />
        </div>
      </div>
      <DataTable
        {...list.table}
        label={t('whatsapp.tabLog')}
        columns={columns}
        rowKey={rowKey}
        rowData={rowData}
        empty={<strong>{t('whatsapp.logEmpty')}</strong>}
        fixed
        className="wa-log-table"
        testId="wa-log-table"
        rowTestId="wa-log-row"
      />
    </>
  );
}

const rowKey = (m: WaMessage) => m.id;
const rowData = (m: WaMessage) => ({ 'data-status': m.status });
