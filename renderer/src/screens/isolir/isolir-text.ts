import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLIR_ERROR_CODES, type IsolirAction, type IsolirErrorCode } from '../../../../shared/domain/isolir.js';

const isKnown = (code: string): code is IsolirErrorCode => (ISOLIR_ERROR_CODES as readonly string[]).includes(code);

/** What a request's state means to the office: applied, waiting (and why), failed (and what to do). */
export function useIsolirState(): (a: IsolirAction) => string {
  const { t } = useTranslation();
  return useCallback(
    (a: IsolirAction): string => {
      const why = a.errorCode === null ? null : isKnown(a.errorCode) ? t(`isolir.error_${a.errorCode}`) : t('isolir.error_other');
      if (a.status === 'pending') return why ? t('isolir.pendingOnRouter', { reason: why }) : t('isolir.pendingNoReason');
      if (a.status === 'failed') return why ?? t('isolir.error_other');
      return t(`isolir.status_${a.status}`);
    },
    [t],
  );
}
