import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { durationText } from './duration-text.js';
import { SessionProblem } from './SessionProblem.js';

/** "Online / Offline" on the customer page: asked of the router when the page opens, refreshed by the poll's events. */
export function CustomerSessionCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data, error } = useMethodQuery('sessions.customer', { customerId });
  const none = t('common.none');
  const session = data?.session ?? null;
  const badge = data?.state === 'online' ? 'badge-active' : data?.state === 'offline' ? 'badge-inactive' : 'badge-isolated';
  return (
    <section className="card" data-testid="customer-session">
      <h2>{t('sessions.customerTitle')}</h2>
      <FormError error={error} />
      {data ? (
        <>
          <p>
            <span className={`badge ${badge}`} data-testid="customer-session-state" data-state={data.state}>
              {t(`sessions.state_${data.state}`)}
            </span>
          </p>
          {data.state === 'unknown' ? <SessionProblem problem={data.problem} checkedAt={data.checkedAt} /> : null}
          {session ? (
            <dl className="facts">
              <dt>{data.state === 'online' ? t('sessions.address') : t('sessions.lastAddress')}</dt>
              <dd className="mono" data-testid="customer-session-address">
                {session.address ?? none}
              </dd>
              <dt>{t('sessions.uptime')}</dt>
              <dd data-testid="customer-session-uptime">{durationText(t, session.uptimeSeconds)}</dd>
              <dt>{session.kind === 'pppoe' ? t('sessions.callerId') : t('sessions.mac')}</dt>
              <dd className="mono">{session.callerId ?? none}</dd>
              <dt>{t('sessions.service')}</dt>
              <dd>{t(`serviceType.${session.kind}`)}</dd>
            </dl>
          ) : null}
        </>
      ) : (
        !error && <p className="muted">{t('sessions.asking')}</p>
      )}
    </section>
  );
}
