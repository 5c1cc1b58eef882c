import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { setMethodData } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import type { AppError } from '../../../../shared/contract/errors.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { useRouterReason } from '../isolir/isolir-text.js';

/**
 * The customer's account on their router: on the router (and since when), on its way (and why it
 * waits), or failed with what to do and a retry. Shown only what the router confirmed as applied.
 */
export function RouterAccountState({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data: state } = useMethodQuery('provisioning.state', { customerId });
  const { networkStaff, locked } = usePermissions();
  const formatTime = useFormatTime();
  const reasonOf = useRouterReason();
  const [error, setError] = useState<AppError | null>(null);

  async function retry() {
    setError(null);
    const result = await call('provisioning.retry', { customerId });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMethodData('provisioning.state', { customerId }, result.data);
    toast(t('provisioning.retried'));
  }

  // No state yet: a customer from before provisioning, never edited since; the reconciler still compares their account every 10 minutes.
  if (!state) return <span className="muted">{t('provisioning.notSent')}</span>;
  if (state.status === 'none') return <span className="muted">{t('provisioning.none')}</span>;
  const why = state.errorCode === null ? null : reasonOf(state.errorCode);
  const text =
    state.status === 'applied'
      ? t('provisioning.applied', { time: formatTime(state.appliedAt ?? state.updatedAt) })
      : state.status === 'failed'
        ? (why ?? t('isolir.error_other'))
        : why
          ? t('provisioning.pendingReason', { reason: why })
          : t('provisioning.pending');
  return (
    <span data-testid="router-account" data-status={state.status}>
      <span className={state.status === 'failed' ? 'field-error' : undefined} title={state.answer ?? state.errorMessage ?? undefined} data-testid="router-account-state">
        {text}
      </span>
      {state.status === 'failed' && networkStaff ? (
        <>
          {' '}
          <button type="button" className="button small" disabled={locked} onClick={() => void retry()} data-testid="router-account-retry">
            {t('provisioning.retry')}
          </button>
        </>
      ) : null}
      <FormError error={error} />
    </span>
  );
}
