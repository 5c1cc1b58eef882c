import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { GenerationResult } from '../../../../shared/domain/billing.js';
import type { EventPayload } from '../../../../shared/contract/events.js';
import { call, subscribeEvents } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { invalidateMethod } from '../../query/query-client.js';
import { usePeriodLabel } from './billing-format.js';

type Progress = Pick<EventPayload<'billing_progress'>, 'done' | 'total'>;

/**
 * "Buat tagihan bulan ini": the same run the daily schedule makes (a rerun makes nothing new). The
 * core announces its progress as `billing_progress` while the call is under way; the bar follows it
 * and the counts of what was made replace it when the call answers.
 */
export function GenerateInvoices({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const periodLabel = usePeriodLabel();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<GenerationResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (!running) return;
    return subscribeEvents((event) => {
      if (event.name !== 'billing_progress') return;
      const { done, total } = event.payload as EventPayload<'billing_progress'>;
      setProgress({ done, total });
    });
  }, [running]);

  async function generate() {
    setRunning(true);
    setProgress(null);
    setResult(null);
    setError(null);
    const answer = await call('billing.invoices.generate', {});
    setRunning(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setResult(answer.data);
    // The event will also come; the socket may be down.
    invalidateMethod('billing.invoices.list');
    invalidateMethod('billing.summary');
  }

  const n = (value: number) => formatNumber(value);
  return (
    <div className="generate" data-testid="invoice-generate-panel">
      <button type="button" className="button primary" disabled={locked || running} onClick={() => void generate()} data-testid="invoice-generate">
        {running ? t('billing.generating') : t('billing.generate')}
      </button>
      {/* The bar stays, full, beside the counts: a quick run still shows how many were checked. */}
      {running || progress ? (
        <div className="generate-progress" data-testid="invoice-generate-progress">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t('billing.generateProgressLabel')} />
          <span className="muted">{progress ? t('billing.generateProgress', { done: n(progress.done), total: n(progress.total) }) : t('billing.generating')}</span>
        </div>
      ) : null}
      {result ? (
        <p className="generate-result" role="status" data-testid="invoice-generate-result">
          {t('billing.generated', {
            period: periodLabel(result.period),
            created: n(result.created),
            already: n(result.alreadyInvoiced),
            notYet: n(result.notYetDue),
            excluded: n(result.excluded),
          })}
        </p>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
