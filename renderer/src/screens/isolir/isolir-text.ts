import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLIR_ERROR_CODES, type IsolirAction, type IsolirErrorCode } from '../../../../shared/domain/isolir.js';
import { ROUTER_PROBE_CODES, type RouterProbeCode } from '../../../../shared/domain/router.js';

/** The RouterOS API's failures have one wording, shared with "Tes koneksi" (shared/i18n `routeros.*`). */
const isRouterOs = (code: string): code is RouterProbeCode => (ROUTER_PROBE_CODES as readonly string[]).includes(code);
/** Isolir's own failures (RADIUS, a missing account, our setup): the screens' `isolir.error_*`. */
const isIsolirOwn = (code: string): code is Exclude<IsolirErrorCode, RouterProbeCode> => (ISOLIR_ERROR_CODES as readonly string[]).includes(code) && !isRouterOs(code);

/** What a request's state means to the office: applied, waiting (and why), failed (and what to do). */
export function useIsolirState(): (a: IsolirAction) => string {
  const { t } = useTranslation();
  return useCallback(
    (a: IsolirAction): string => {
      const code = a.errorCode;
      const why =
        code === null
          ? null
          : isRouterOs(code)
            ? t(`routeros.${code}`, { detail: a.errorMessage ?? '' })
            : isIsolirOwn(code)
              ? t(`isolir.error_${code}`)
              : t('isolir.error_other');
      if (a.status === 'pending') return why ? t('isolir.pendingOnRouter', { reason: why }) : t('isolir.pendingNoReason');
      if (a.status === 'failed') return why ?? t('isolir.error_other');
      return t(`isolir.status_${a.status}`);
    },
    [t],
  );
}
