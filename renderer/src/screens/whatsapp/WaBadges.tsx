import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import type { WaMessageStatus } from '../../stores/wa-logs-store.js';

type Session = MethodOutput<'wa.session.status'>;
export type SessionState = Session['state'];

type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'idle';

const SESSION_TONES: Record<SessionState, Tone> = {
  stopped: 'idle',
  starting: 'info',
  qr: 'warn',
  authenticated: 'info',
  ready: 'ok',
  disconnected: 'danger',
  auth_failure: 'danger',
  error: 'danger',
};

const MESSAGE_TONES: Record<WaMessageStatus, Tone> = {
  queued: 'idle',
  sending: 'info',
  sent: 'ok',
  delivered: 'ok',
  read: 'ok',
  failed: 'danger',
  cancelled: 'idle',
  skipped: 'warn',
};

export function SessionBadge({ state, testId }: { state: SessionState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${SESSION_TONES[state]}`} data-testid={testId} data-state={state}>
      {t(`whatsapp.sessionStates.${state}`)}
    </span>
  );
}

/**
 * The connection as staff should read it: a dry run "works" but reaches nobody, so it says so
 * instead of showing a reassuring green.
 */
export function ConnectionBadge({ session, testId }: { session: Pick<Session, 'provider' | 'state'>; testId?: string }) {
  const { t } = useTranslation();
  if (session.provider !== 'dry-run') return <SessionBadge state={session.state} {...(testId ? { testId } : {})} />;
  return (
    <span className="badge badge-warn" data-testid={testId} data-state={session.state}>
      {t('whatsapp.dryRunBadge')}
    </span>
  );
}

export function MessageStatusBadge({ status }: { status: WaMessageStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${MESSAGE_TONES[status]}`} data-testid="wa-status" data-status={status}>
      {t(`whatsapp.statuses.${status}`)}
    </span>
  );
}
