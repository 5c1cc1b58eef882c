import { translate } from '../../../shared/i18n/index.js';
import type { Locale } from '../../../shared/domain/user.js';
import type { RadiusDatabaseTestResult } from '../../../shared/domain/radius-database.js';
import { RadiusDbError } from '../executors/radius/radius-db-error.js';
import type { RadiusDbConfig } from './radius-database-settings.js';
import { storeFor } from './radius-stores.js';

/**
 * "Tes" of the FreeRADIUS database setting: connects with what the form holds, checks isolir's
 * tables and rights, lets go again, and says what stands in the way in the caller's language.
 */
export async function checkRadiusDatabase(config: RadiusDbConfig, locale: Locale): Promise<RadiusDatabaseTestResult> {
  const store = storeFor(config);
  try {
    await store.check();
    return { ok: true, problem: null };
  } catch (error) {
    // The stores throw classified errors; anything else is still said as "could not use it".
    const { code, message } = error instanceof RadiusDbError ? error : new RadiusDbError('RADIUS_DB_UNAVAILABLE', String(error));
    return { ok: false, problem: { code, message: translate(locale, `radiusDbProblems.${code}`, { tables: message }), detail: message } };
  } finally {
    await store.close();
  }
}
