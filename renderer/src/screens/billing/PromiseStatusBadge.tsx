import { useTranslation } from 'react-i18next';
import type { PromiseStatus } from '../../../../shared/domain/billing-loop.js';

/** Running is news, kept is done, broken warns, cancelled is out of play. */
const TONE: Record<PromiseStatus, string> = { active: 'badge-info', kept: 'badge-ok', broken: 'badge-danger', cancelled: 'badge-idle' };

export function PromiseStatusBadge({ status }: { status: PromiseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-status={status} data-testid="promise-status">
      {t(`billingSettings.promise_${status}`)}
    </span>
  );
}
