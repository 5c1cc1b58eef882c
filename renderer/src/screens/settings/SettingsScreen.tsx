import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { ChangePassword } from './ChangePassword.js';
import { LanguagePanel } from './LanguagePanel.js';
import { SystemFailuresPanel } from './SystemFailuresPanel.js';
import { TenantProfile } from './TenantProfile.js';
import { UsersPanel } from './UsersPanel.js';
import { go, paths, type SettingsTab as Tab } from '../../stores/nav-store.js';

export function SettingsScreen({ tab: current }: { tab: string | undefined }) {
  const { t } = useTranslation();
  const { owner } = usePermissions();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'profile', label: t('settings.tabProfile') },
    ...(owner ? [{ id: 'users' as const, label: t('settings.tabUsers') }] : []),
    { id: 'password', label: t('settings.tabPassword') },
    { id: 'language', label: t('settings.tabLanguage') },
    ...(owner ? [{ id: 'failures' as const, label: t('system.tabFailures') }] : []),
  ];
  const tab = tabs.find((x) => x.id === current)?.id ?? 'profile';
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <Tabs<Tab> label={t('settings.title')} tabs={tabs} current={tab} onChange={(next) => go(paths.settingsTab(next))} />
      {tab === 'profile' ? <TenantProfile /> : null}
      {tab === 'users' && owner ? <UsersPanel /> : null}
      {tab === 'password' ? <ChangePassword /> : null}
      {tab === 'language' ? <LanguagePanel /> : null}
      {tab === 'failures' && owner ? <SystemFailuresPanel /> : null}
    </div>
  );
}
