import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useWaSession } from '../../stores/wa-stores.js';
import { QrImage } from './QrImage.js';
import { SessionBadge, type SessionState } from './WaBadges.js';
import { invalidateMethod, setMethodData } from '../../query/query-client.js';

/** Events carry the changes; this only catches one missed while the events socket reconnects. */
const POLL_MS = 3_000;
const LINKED: readonly SessionState[] = ['qr', 'authenticated', 'ready'];

/** Pairing the ISP's own WhatsApp number with whatsapp-web.js: start, scan the QR, log out. */
export function WaPairing() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const session = useWaSession().data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') invalidateMethod('wa.session.status');
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, []);

  async function run(method: 'wa.session.start' | 'wa.session.logout') {
    setBusy(true);
    setError(null);
    const result = await call(method, {});
    setBusy(false);
    if (result.ok) setMethodData('wa.session.status', {}, result.data);
    else setError(result.error);
  }

  const state = session?.state ?? 'stopped';
  return (
    <section className="card" data-testid="wa-pairing">
      <div className="card-header">
        <h2>{t('whatsapp.pairingTitle')}</h2>
        <SessionBadge state={state} testId="wa-state" />
      </div>
      <FormError error={error} />
      {session?.detail ? (
        <p className={`wa-detail${['auth_failure', 'disconnected', 'error'].includes(state) ? ' is-problem' : ''}`} data-testid="wa-state-detail">
          {session.detail}
        </p>
      ) : null}
      {session?.technical ? (
        <TechnicalDetail testId="wa-state-technical">
          <span className="mono">{session.technical}</span>
        </TechnicalDetail>
      ) : null}
      <p className="muted">{t(`whatsapp.stateHelp.${state}`)}</p>
      {state === 'qr' && session?.qr ? (
        <div className="wa-qr-box">
          <QrImage text={session.qr} />
          <ol className="wa-steps">
            <li>{t('whatsapp.scanStep1')}</li>
            <li>{t('whatsapp.scanStep2')}</li>
            <li>{t('whatsapp.scanStep3')}</li>
          </ol>
        </div>
      ) : null}
      <div className="form-actions">
        {LINKED.includes(state) ? (
          <button type="button" className="button danger-outline" disabled={locked || busy} onClick={() => void run('wa.session.logout')} data-testid="wa-logout">
            {t('whatsapp.logout')}
          </button>
        ) : null}
        {state !== 'ready' ? (
          <button type="button" className="button primary" disabled={locked || busy || state === 'starting'} onClick={() => void run('wa.session.start')} data-testid="wa-connect">
            {state === 'stopped' ? t('whatsapp.connect') : t('whatsapp.reconnect')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
