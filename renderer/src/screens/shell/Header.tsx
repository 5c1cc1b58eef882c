import { useTranslation } from 'react-i18next';
import { ZONE_LABELS } from '../../../../shared/util/time.js';
import { Icon } from '../../components/Icon.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useSession } from '../../stores/session-store.js';
import { logout } from '../../stores/session-actions.js';
import { useTenant } from '../../stores/tenant-store.js';

export function Header() {
  const { t } = useTranslation();
  const tenant = useTenant((s) => s.tenant);
  const user = useSession((s) => s.user);
  return (
    <header className="topbar">
      <div className="topbar-tenant">
        <strong data-testid="header-tenant">{tenant?.name}</strong>
        {tenant ? (
          <span className="chip" title={t('header.zone', { zone: t(`zones.${tenant.timezone}`) })} data-testid="header-zone">
            {ZONE_LABELS[tenant.timezone]}
          </span>
        ) : null}
      </div>
      <div className="topbar-user">
        {user ? (
          <span className="user" data-testid="header-user">
            <span className="avatar" aria-hidden="true">
              {user.displayName.slice(0, 1).toUpperCase()}
            </span>
            <span>
              <strong>{user.displayName}</strong>
              <small>{t(`roles.${user.role}`)}</small>
            </span>
          </span>
        ) : null}
        <LanguageSwitch />
        <button type="button" className="button ghost" onClick={() => void logout()} data-testid="logout">
          <Icon name="logout" size={16} />
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
