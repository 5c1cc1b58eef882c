import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.js';
import { Tabs } from '../../components/Tabs.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { go, paths, type WhatsAppTab } from '../../stores/nav-store.js';
import { useTenant } from '../../stores/tenant-store.js';
import { useWaSession } from '../../stores/wa-stores.js';
import { BroadcastList } from './BroadcastList.js';
import { ConnectionBadge } from './WaBadges.js';
import { WaFailures } from './WaFailures.js';
import { WaLog } from './WaLog.js';
import { WaOverview } from './WaOverview.js';
import { WaSettingsPanel } from './WaSettingsPanel.js';
import { WaTemplates } from './WaTemplates.js';
import { WaUpsell } from './WaUpsell.js';

export function WhatsAppScreen({ tab: current }: { tab: string | undefined }) {
  const { t } = useTranslation();
  const { manager } = usePermissions();
  const { data: session, error } = useWaSession();
  const hasFeature = useTenant((s) => s.tenant?.features.includes('whatsapp') ?? false);

  // Reloaded when RRNet changes the plan, so an upgrade opens the tabs without signing in again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else invalidateMethod('wa.session.status');
  }, [hasFeature]);

  if (error?.code === 'FEATURE_DISABLED') return <WaUpsell />;
  // Field roles (collector, technician) have no WhatsApp screens: say so once, not in every tab.
  if (error?.code === 'FORBIDDEN') {
    return (
      <div className="page" data-testid="whatsapp">
        <div className="page-header">
          <h1>{t('whatsapp.title')}</h1>
        </div>
        <FormError error={error} />
      </div>
    );
  }

  // Settings are the managers' (the core refuses others); the rest is for the whole office.
  const tabs: { id: WhatsAppTab; label: string }[] = [
    { id: 'overview', label: t('whatsapp.tabOverview') },
    ...(manager ? [{ id: 'settings' as const, label: t('whatsapp.tabSettings') }] : []),
    { id: 'templates', label: t('whatsapp.tabTemplates') },
    { id: 'broadcast', label: t('whatsapp.tabBroadcast') },
    { id: 'log', label: t('whatsapp.tabLog') },
    { id: 'failures', label: t('whatsapp.tabFailures') },
  ];
  const tab = tabs.find((x) => x.id === current)?.id ?? 'overview';

  return (
    <div className="page" data-testid="whatsapp">
      <div className="page-header">
        <h1>
          {t('whatsapp.title')}
          {session ? <ConnectionBadge session={session} testId="wa-header-state" /> : null}
        </h1>
      </div>
      {session?.suspended ? (
        <div className="wa-banner" role="alert" data-testid="wa-suspended">
          <strong>{t('whatsapp.suspendedTitle')}</strong>
          <span>{t('whatsapp.suspendedBody')}</span>
        </div>
      ) : null}
      {session?.paused ? (
        <div className="wa-banner" role="alert" data-testid="wa-paused">
          <strong>{t('whatsapp.pausedTitle')}</strong>
          <span>{t('whatsapp.pausedBody')}</span>
          {manager ? (
            <button type="button" className="button small" onClick={() => go(paths.whatsappTab('settings'))} data-testid="wa-paused-settings">
              {t('whatsapp.pausedAction')}
            </button>
          ) : null}
        </div>
      ) : null}
      <FormError error={error} />
      <Tabs<WhatsAppTab> label={t('whatsapp.title')} tabs={tabs} current={tab} onChange={(next) => go(paths.whatsappTab(next))} />
      {tab === 'overview' ? <WaOverview /> : null}
      {tab === 'settings' ? <WaSettingsPanel /> : null}
      {tab === 'templates' ? <WaTemplates /> : null}
      {tab === 'broadcast' ? <BroadcastList /> : null}
      {tab === 'log' ? <WaLog /> : null}
      {tab === 'failures' ? <WaFailures /> : null}
    </div>
  );
}
