import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLIR_ERROR_CODES, type AppliedChange, type IsolirAction, type IsolirErrorCode } from '../../../../shared/domain/isolir.js';
import { ROUTER_PROBE_CODES, type RouterProbeCode } from '../../../../shared/domain/router.js';

/** The RouterOS API's failures have one wording, shared with "Tes koneksi" (shared/i18n `routeros.*`). */
const isRouterOs = (code: string): code is RouterProbeCode => (ROUTER_PROBE_CODES as readonly string[]).includes(code);
/** Isolir's own failures (RADIUS, a missing account, our setup): the screens' `isolir.error_*`. */
const isIsolirOwn = (code: string): code is Exclude<IsolirErrorCode, RouterProbeCode> => (ISOLIR_ERROR_CODES as readonly string[]).includes(code) && !isRouterOs(code);

/** A router's failure code in plain words (what happened, what to do), as isolir and provisioning both report it. */
export function useRouterReason(): (code: string, detail?: string | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (code: string, detail?: string | null) =>
      isRouterOs(code) ? t(`routeros.${code}`, { detail: detail ?? '' }) : isIsolirOwn(code) ? t(`isolir.error_${code}`) : t('isolir.error_other'),
    [t],
  );
}

/** What a request's state means to the office: applied, waiting (and why), failed (and what to do). */
export function useIsolirState(): (a: IsolirAction) => string {
  const { t } = useTranslation();
  const reasonOf = useRouterReason();
  return useCallback(
    (a: IsolirAction): string => {
      const why = a.errorCode === null ? null : reasonOf(a.errorCode, a.errorMessage);
      if (a.status === 'pending') return why ? t('isolir.pendingOnRouter', { reason: why }) : t('isolir.pendingNoReason');
      if (a.status === 'failed') return why ?? t('isolir.error_other');
      return t(`isolir.status_${a.status}`);
    },
    [t, reasonOf],
  );
}

/** What the router has now, in plain words: "Profil diganti ke isolir, 1 sesi diputus". */
export function useChangeText(): (change: AppliedChange) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ state, sessionsEnded }: AppliedChange): string => {
      const now =
        state.kind === 'profile'
          ? t('isolir.change_profile', { profile: state.profile })
          : state.kind === 'disabled'
            ? t(state.disabled ? 'isolir.change_disabled' : 'isolir.change_enabled')
            : state.kind === 'address-list'
              ? state.address === null
                ? t('isolir.change_unlisted')
                : t('isolir.change_listed', { address: state.address })
              : t('isolir.change_group', { group: state.group });
      return sessionsEnded > 0 ? `${now}, ${t('isolir.change_sessions', { count: sessionsEnded })}` : now;
    },
    [t],
  );
}
