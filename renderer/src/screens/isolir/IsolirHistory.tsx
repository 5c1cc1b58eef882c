import { useTranslation } from 'react-i18next';
import { useMethodQuery } from '../../query/use-method-query.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { useIsolirState } from './isolir-text.js';

/** A customer's isolir history on their page: who, when, why, and what the router said (or why it waits). */
export function IsolirHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data: history } = useMethodQuery('isolir.history', { customerId });
  const formatTime = useFormatTime();
  const stateOf = useIsolirState();
  return (
    <section className="card" data-testid="isolir-history">
      <h2>{t('isolir.history')}</h2>
      {history && history.length > 0 ? (
        <ul className="plain-list">
          {history.map((a) => (
            <li key={a.id} data-testid="isolir-history-entry" data-status={a.status}>
              <strong>{t(`isolir.kind_${a.kind}`)}</strong> · {a.reason} · <span className="muted">{formatTime(a.createdAt)}</span>
              {' · '}
              {a.source === 'policy' ? t('isolir.byPolicy') : a.requestedBy}
              <div className={a.status === 'failed' ? 'field-error' : 'muted'} data-testid="isolir-history-state">
                {stateOf(a)}
                {a.answer ? ` (${a.answer})` : ''}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('isolir.historyEmpty')}</p>
      )}
    </section>
  );
}
