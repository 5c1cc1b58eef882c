import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RadiusDatabase } from '../../../../shared/domain/radius-database.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { setMethodData } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import { RadiusDatabaseForm } from './RadiusDatabaseForm.js';

/**
 * "Database FreeRADIUS" on the Routers screen, for the owner and admins: where RADIUS isolir finds
 * FreeRADIUS's tables, and a warning while routers use RADIUS without it (their isolir would fail).
 */
export function RadiusDatabasePanel({ radiusRouters }: { radiusRouters: number }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const { data, error } = useMethodQuery('isolir.radiusDb.get', {});
  const [editing, setEditing] = useState(false);

  function saved(next: RadiusDatabase) {
    setMethodData('isolir.radiusDb.get', {}, next);
    setEditing(false);
    toast(t('radiusDb.saved'));
  }

  const summary = !data?.configured
    ? t('radiusDb.notSet')
    : data.kind === 'sqlite'
      ? t('radiusDb.summarySqlite', { path: data.path })
      : t('radiusDb.summaryPostgres', { user: data.user, host: data.host, port: data.port, database: data.database });

  return (
    <section className="card radius-db" data-testid="radius-db">
      <div className="card-header">
        <h2>{t('radiusDb.title')}</h2>
        <button type="button" className="button small" disabled={locked || !data} onClick={() => setEditing(true)} data-testid="radius-db-edit">
          {data?.configured ? t('radiusDb.change') : t('radiusDb.configure')}
        </button>
      </div>
      <FormError error={error} />
      <p data-testid="radius-db-summary">{summary}</p>
      {data && !data.configured && radiusRouters > 0 ? (
        <p className="form-error" role="status" data-testid="radius-db-missing">
          {t('radiusDb.missingWarning', { count: radiusRouters })}
        </p>
      ) : null}
      {editing ? <RadiusDatabaseForm current={data} onSaved={saved} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
