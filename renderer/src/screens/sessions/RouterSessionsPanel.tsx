import { useTranslation } from 'react-i18next';
import type { Router } from '../../../../shared/domain/router.js';
import { FormError } from '../../components/FormError.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { go, paths } from '../../stores/nav-store.js';
import { durationText } from './duration-text.js';
import { SessionProblem } from './SessionProblem.js';

/** "Sesi aktif": who is on this router now, by customer; a login no customer has is "tidak dikenal". */
export function RouterSessionsPanel({ router }: { router: Router }) {
  const { t } = useTranslation();
  const { data, error } = useMethodQuery('sessions.router', { routerId: router.id });
  const none = t('common.none');
  return (
    <section className="card" data-testid="router-sessions">
      <div className="card-header">
        <h2>{t('sessions.routerTitle', { name: router.name, count: data?.sessions.length ?? 0 })}</h2>
      </div>
      <FormError error={error} />
      {!data && !error ? <p className="muted">{t('sessions.asking')}</p> : null}
      {data && !data.live ? <SessionProblem problem={data.problem} checkedAt={data.checkedAt} /> : null}
      {data && data.sessions.length === 0 && data.live ? <p className="muted">{t('sessions.nobody')}</p> : null}
      {data && data.sessions.length > 0 ? (
        <div className="table-wrap">
          <table className="table compact" data-testid="router-sessions-table" data-live={data.live}>
            <thead>
              <tr>
                <th>{t('sessions.colCustomer')}</th>
                <th>{t('sessions.colLogin')}</th>
                <th>{t('sessions.service')}</th>
                <th>{t('sessions.address')}</th>
                <th>{t('sessions.uptime')}</th>
                <th>{t('sessions.colCallerId')}</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={`${s.kind}:${s.name}`} data-testid="router-session-row">
                  <td>
                    {s.customerId === null ? (
                      <span className="muted">{t('sessions.unknownCustomer')}</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => s.customerId && go(paths.customer(s.customerId))}>
                        {s.customerName}
                      </button>
                    )}
                  </td>
                  <td className="mono">{s.name}</td>
                  <td>{t(`serviceType.${s.kind}`)}</td>
                  <td className="mono">{s.address ?? none}</td>
                  <td>{durationText(t, s.uptimeSeconds)}</td>
                  <td className="mono">{s.callerId ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
