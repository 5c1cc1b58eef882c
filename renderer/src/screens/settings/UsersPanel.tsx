import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/domain/user.js';
import { formatDateTime } from '../../../../shared/util/time.js';
import { FormError } from '../../components/FormError.js';
import { Icon } from '../../components/Icon.js';
import { ActiveBadge } from '../../components/StatusBadge.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useUsers } from '../../stores/data-stores.js';
import { useLocale } from '../../stores/locale-store.js';
import { useSession } from '../../stores/session-store.js';
import { useTenant } from '../../stores/tenant-store.js';
import { toast } from '../../stores/toast-store.js';
import { UserForm } from './UserForm.js';
import { invalidateMethod } from '../../query/query-client.js';

export function UsersPanel() {
  const { t } = useTranslation();
  const { data, error } = useUsers();
  const { locked } = usePermissions();
  const me = useSession((s) => s.user?.id);
  const zone = useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
  const locale = useLocale((s) => s.locale);
  const [editing, setEditing] = useState<User | 'new' | null>(null);


  return (
    <section className="card">
      <div className="card-header">
        <h2>{t('settings.usersTitle')}</h2>
        <button type="button" className="button primary" disabled={locked} onClick={() => setEditing('new')} data-testid="user-add">
          <Icon name="plus" size={16} />
          {t('settings.addUser')}
        </button>
      </div>
      <FormError error={error} />
      <table className="table" data-testid="user-table">
        <thead>
          <tr>
            <th>{t('settings.colUsername')}</th>
            <th>{t('settings.colName')}</th>
            <th>{t('settings.colRole')}</th>
            <th className="col-status">{t('settings.colStatus')}</th>
            <th>{t('settings.colCreated')}</th>
            <th className="col-actions" aria-label={t('common.edit')} />
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td className="mono">
                {u.username}
                {u.id === me ? <span className="chip chip-small">{t('settings.you')}</span> : null}
              </td>
              <td className="strong">{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>
                <ActiveBadge active={u.active} />
              </td>
              <td>{formatDateTime(u.createdAt, zone, locale)}</td>
              <td className="col-actions">
                <button type="button" className="button small" disabled={locked} onClick={() => setEditing(u)} data-testid="user-edit">
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <UserForm
          {...(editing === 'new' ? {} : { user: editing })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            invalidateMethod('users.list');
            toast(t('common.saved'));
          }}
        />
      ) : null}
    </section>
  );
}
