import { useTranslation } from 'react-i18next';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import type { WaMessage } from '../../stores/wa-logs-store.js';
import { MessageStatusBadge } from './WaBadges.js';
import { isWaProvider, useFormatClock } from './use-wa-format.js';
import { WA_MESSAGE_CODES, type WaMessageCode } from '../../../../shared/domain/wa.js';

function isReason(code: string): code is WaMessageCode {
  return (WA_MESSAGE_CODES as readonly string[]).includes(code);
}

/** Which provider carried the message; "cadangan" when the main one failed and the fallback took over. */
export function ProviderCell({ message }: { message: Pick<WaMessage, 'provider' | 'failover'> }) {
  const { t } = useTranslation();
  if (!message.provider) return <span className="muted">{t('common.none')}</span>;
  return (
    <>
      {isWaProvider(message.provider) ? t(`whatsapp.providerShort.${message.provider}`) : message.provider}
      {message.failover ? (
        <span className="chip chip-small" title={t('wa.failover')} data-testid="wa-failover">
          {t('whatsapp.failover')}
        </span>
      ) : null}
    </>
  );
}

/** "Menunggu jam tenang, dikirim 07:00 WIB": a held message (or broadcast) says when it goes. */
export function HeldNote({ heldUntil }: { heldUntil: string | null }) {
  const { t } = useTranslation();
  const formatClock = useFormatClock();
  if (!heldUntil) return null;
  return (
    <span className="wa-held" data-testid="wa-held">
      {t('whatsapp.heldUntil', { time: formatClock(heldUntil) })}
    </span>
  );
}

/** The status as staff should read it: a dry-run "send" reached nobody, so it is a trial, never "Terkirim". */
export function MessageStatusCell({ message }: { message: Pick<WaMessage, 'status' | 'simulated'> }) {
  const { t } = useTranslation();
  if (!message.simulated) return <MessageStatusBadge status={message.status} />;
  return (
    <span className="badge badge-warn" title={t('whatsapp.simulatedHint')} data-testid="wa-status" data-status="simulated">
      {t('whatsapp.simulated')}
    </span>
  );
}

/**
 * Why a message did not go, in words for staff with what to do; the stable code (what support asks
 * for) and, in full mode, the provider's own text (technical English, kept as it came) wait behind
 * "Detail teknis". A code the screens do not know reads as the provider's refusal, never raw.
 */
export function ReasonText({ message, full }: { message: Pick<WaMessage, 'errorCode' | 'errorMessage'>; full?: boolean }) {
  const { t } = useTranslation();
  const { errorCode: code, errorMessage: detail } = message;
  if (!code && !detail) return null;
  const words = t(`whatsapp.reasons.${code && isReason(code) ? code : 'PROVIDER_ERROR'}`);
  return (
    <span className="wa-reason" data-testid="wa-reason">
      <span>{words}</span>
      <TechnicalDetail>
        {code ? <span className="mono wa-reason-code">{code}</span> : null}
        {full && detail ? <span className="wa-reason-detail mono">{detail}</span> : null}
      </TechnicalDetail>
    </span>
  );
}
