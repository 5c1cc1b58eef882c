import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/domain/user.js';
import { formatDateTime } from '../../../../shared/util/time.js';
import { DataTable, type Column } from '../../components/DataTable.js';
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
  const { data, error, loading } = useUsers();
  const { locked } = usePermissions();
  const me = useSession((s) => s.user?.id);
  const zone = useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
  const locale = useLocale((s) => s.locale);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const columns = useMemo<Column<User>[]>(
    () => [
      {
        id: 'username',
        header: t('settings.colUsername'),
        className: 'mono',
        cell: (u) => (
          <>
            {u.username}
            {u.id === me ? <span className="chip chip-small">{t('settings.you')}</span> : null}
          </>
        ),
      },
      { id: 'name', header: t('settings.colName'), className: 'strong', cell: (u) => u.displayName },
      { id: 'role', header: t('settings.colRole'), cell: (u) => t(`roles.${u.role}`) },
      { id: 'status', header: t('settings.colStatus'), className: 'col-status', cell: (u) => <ActiveBadge active={u.active} /> },
      { id: 'created', header: t('settings.colCreated'), cell: (u) => formatDateTime(u.createdAt, zone, locale) },
      {
        id: 'edit',
        header: <span className="visually-hidden">{t('common.edit')}</span>,
        className: 'col-actions',
        cell: (u) => (
          <button type="button" className="button small" disabled={locked} onClick={() => setEditing(u)} data-testid="user-edit">
            {t('common.edit')}
          </button>
        ),
      },
    ],
    [t, me, zone, locale, locked],
  );

  return (
    <section className="card">
      <div className="card-header">
        <h2>{t('settings.usersTitle')}</h2>
        <button type="button" className="button primary" disabled={locked} onClick={() => setEditing('new')} data-testid="user-add">
          <Icon name="plus" size={16} />
          {t('settings.addUser')}
        </button>
      </div>
      <DataTable
        label={t('settings.usersTitle')}
        columns={columns}
        rows={data ?? []}
        rowKey={userKey}
        loading={loading}
        error={error}
        empty={null}
        testId="user-table"
        rowTestId="user-row"
      />
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

const userKey = (u: User) => u.id;
