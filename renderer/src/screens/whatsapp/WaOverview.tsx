import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { go, paths } from '../../stores/nav-store.js';
import { useWaMetrics, useWaSession } from '../../stores/wa-stores.js';
import { ConnectionBadge } from './WaBadges.js';

export function WaOverview() {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const { data: metrics, error } = useWaMetrics();
  // Seconds with one decimal ("0,4 dtk"): what a person can picture, rather than milliseconds.
  const seconds = (ms: number) => formatNumber(Math.round(ms / 100) / 10);

  return (
    <>
      <FormError error={error} />
      {metrics ? (
        <div className="stats stats-5" data-testid="wa-metrics">
          <Metric
            tone="active"
            label={t('whatsapp.sent24h')}
            value={formatNumber(metrics.sent24h)}
            {...(metrics.simulated24h > 0 ? { hint: `${t('whatsapp.simulated24h')}: ${formatNumber(metrics.simulated24h)}` } : {})}
            testId="wa-metric-sent"
          />
          <Metric tone={metrics.failed24h > 0 ? 'isolated' : 'inactive'} label={t('whatsapp.failed24h')} value={formatNumber(metrics.failed24h)} testId="wa-metric-failed" />
          <Metric tone="neutral" label={t('whatsapp.queueDepth')} value={formatNumber(metrics.queueDepth)} testId="wa-metric-queue" />
          <Metric
            tone="neutral"
            label={t('whatsapp.latency')}
            value={t('whatsapp.latencyValue', { typical: seconds(metrics.sendLatencyMs.p50), slowest: seconds(metrics.sendLatencyMs.p95) })}
            hint={t('whatsapp.latencyHint')}
            testId="wa-metric-latency"
          />
          <Metric
            tone={metrics.providerErrorRate >= 0.05 ? 'isolated' : 'inactive'}
            label={t('whatsapp.errorRate')}
            value={`${formatNumber(Math.round(metrics.providerErrorRate * 1000) / 10)}%`}
            hint={t('whatsapp.errorRateHint')}
            testId="wa-metric-error-rate"
          />
        </div>
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
      <SessionCard />
    </>
  );
}

function Metric({ tone, label, value, hint, testId }: { tone: 'active' | 'isolated' | 'inactive' | 'neutral'; label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className={`card stat stat-${tone}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value stat-value-small" data-testid={testId}>
        {value}
      </span>
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

function SessionCard() {
  const { t } = useTranslation();
  const session = useWaSession().data;
  const { manager } = usePermissions();
  if (!session) return null;
  return (
    <section className="card wa-session-card">
      <div className="card-header">
        <h2>{t('whatsapp.connection')}</h2>
        {manager ? (
          <button type="button" className="button small" onClick={() => go(paths.whatsappTab('settings'))} data-testid="wa-open-settings">
            {t('whatsapp.openSettings')}
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t('whatsapp.provider')}</dt>
        <dd>{t(`whatsapp.providers.${session.provider}`)}</dd>
        <dt>{t('whatsapp.state')}</dt>
        <dd>
          <ConnectionBadge session={session} testId="wa-overview-state" />
          {session.detail ? <span className="muted"> · {session.detail}</span> : null}
          {session.technical ? <TechnicalDetail>{session.technical}</TechnicalDetail> : null}
        </dd>
      </dl>
      {session.provider === 'dry-run' ? <p className="form-notice wa-notice">{t('whatsapp.dryRunNotice')}</p> : null}
    </section>
  );
}
