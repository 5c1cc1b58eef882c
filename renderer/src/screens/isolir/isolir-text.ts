import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLIR_ERROR_CODES, type IsolirAction, type IsolirErrorCode } from '../../../../shared/domain/isolir.js';

const isKnown = (code: string): code is IsolirErrorCode => (ISOLIR_ERROR_CODES as readonly string[]).includes(code);

/** A router's failure code in plain words (what happened, what to do), as isolir and provisioning both report it. */
export function useRouterReason(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => (isKnown(code) ? t(`isolir.error_${code}`) : t('isolir.error_other')), [t]);
}

/** What a request's state means to the office: applied, waiting (and why), failed (and what to do). */
export function useIsolirState(): (a: IsolirAction) => string {
  const { t } = useTranslation();
  const reasonOf = useRouterReason();
  return useCallback(
    (a: IsolirAction): string => {
      const why = a.errorCode === null ? null : reasonOf(a.errorCode);
      if (a.status === 'pending') return why ? t('isolir.pendingOnRouter', { reason: why }) : t('isolir.pendingNoReason');
      if (a.status === 'failed') return why ?? t('isolir.error_other');
      return t(`isolir.status_${a.status}`);
    },
    [t, reasonOf],
  );
}
