import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { Router, RouterHealth } from '../../../../shared/domain/router.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { useNumberFormat } from '../../components/use-number-format.js';

/** What a router says about itself now: asked when the panel opens and on "Periksa" again. */
export function RouterHealthPanel({ router, onClose }: { router: Router; onClose(): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [health, setHealth] = useState<RouterHealth | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    setHealth(null);
    setError(null);
    void call('routers.health', { id: router.id }).then((result) => {
      if (!current) return;
      if (result.ok) setHealth(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [router.id, asked]);

  const count = (n: number | null) => (n === null ? t('common.none') : formatNumber(n));
  const uptime = (seconds: number | null) =>
    seconds === null
      ? t('common.none')
      : t('routers.uptimeValue', { days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3_600), minutes: Math.floor((seconds % 3_600) / 60) });

  return (
    <section className="card router-health" data-testid="router-health" aria-live="polite">
      <div className="card-header">
        <h2>{t('routers.healthTitle', { name: router.name })}</h2>
        <div className="page-actions">
          <button type="button" className="button small" onClick={() => setAsked((n) => n + 1)} disabled={!health && !error} data-testid="router-health-again">
            {t('routers.check')}
          </button>
          <button type="button" className="button small ghost" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      <FormError error={error} />
      {!health && !error ? <p className="muted">{t('routers.healthChecking')}</p> : null}
      {health ? (
        <>
          <p>
            <span className={`badge ${health.reachable && !health.problem ? 'badge-active' : 'badge-isolated'}`} data-testid="router-health-state">
              {health.reachable && !health.problem ? t('routers.healthUp') : t('routers.healthDown')}
            </span>
          </p>
          {health.problem ? (
            <div className="form-error" role="status" data-testid="router-health-problem" data-code={health.problem.code}>
              {health.problem.message}
            </div>
          ) : null}
          <dl className="facts">
            <dt>{t('routers.identity')}</dt>
            <dd>{health.identity ?? t('common.none')}</dd>
            <dt>{t('routers.version')}</dt>
            <dd>{health.version ?? t('common.none')}</dd>
            <dt>{t('routers.cpu')}</dt>
            <dd>{health.cpuLoad === null ? t('common.none') : `${formatNumber(health.cpuLoad)}%`}</dd>
            <dt>{t('routers.uptime')}</dt>
            <dd>{uptime(health.uptime)}</dd>
            <dt>{t('routers.pppoeActive')}</dt>
            <dd data-testid="router-health-pppoe">{count(health.pppoeActive)}</dd>
            <dt>{t('routers.hotspotActive')}</dt>
            <dd>{count(health.hotspotActive)}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
