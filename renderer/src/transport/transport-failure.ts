import type { CallResult } from '../../../shared/contract/errors.js';
import type { Locale } from '../../../shared/domain/user.js';
import { translate } from '../../../shared/i18n/index.js';

/** A call that never reached the core (bridge gone, server stopped) is shown like any other error. */
export function transportFailure(locale: Locale): CallResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message: translate(locale, 'errors.INTERNAL') } };
}
