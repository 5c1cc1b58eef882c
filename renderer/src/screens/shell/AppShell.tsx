import { useEffect } from 'react';
import { connectEvents } from '../../stores/event-hub.js';
import { SECTIONS, useNav } from '../../stores/nav-store.js';
import { DashboardScreen } from '../dashboard/DashboardScreen.js';
import { CustomersScreen } from '../customers/CustomersScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { WhatsAppScreen } from '../whatsapp/WhatsAppScreen.js';
import { ComingSoon } from './ComingSoon.js';
import { Header } from './Header.js';
import { LockedBanner } from './LockedBanner.js';
import { Sidebar } from './Sidebar.js';
import { isComingSoon } from './sections.js';

export function AppShell() {
  const section = useNav((s) => s.section);

  useEffect(() => connectEvents(), []);
  useEffect(() => {
    // Alt+1 … Alt+9 jump between sections, in sidebar order.
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = SECTIONS[Number(e.key) - 1];
      if (!target) return;
      e.preventDefault();
      useNav.getState().go(target);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <Sidebar />
      <div className="shell-main">
        <Header />
        <LockedBanner />
        <main className="content">
          {section === 'dashboard' ? <DashboardScreen /> : null}
          {section === 'customers' ? <CustomersScreen /> : null}
          {section === 'whatsapp' ? <WhatsAppScreen /> : null}
          {section === 'settings' ? <SettingsScreen /> : null}
          {isComingSoon(section) ? <ComingSoon section={section} /> : null}
        </main>
      </div>
    </div>
  );
}
