import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { connectEvents } from '../../stores/event-hub.js';
import { goToSection, rememberPath, SECTIONS } from '../../stores/nav-store.js';
import { DashboardScreen } from '../dashboard/DashboardScreen.js';
import { CustomersScreen } from '../customers/CustomersScreen.js';
import { CustomerDetail } from '../customers/CustomerDetail.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { WhatsAppScreen } from '../whatsapp/WhatsAppScreen.js';
import { ComingSoon } from './ComingSoon.js';
import { Header } from './Header.js';
import { LockedBanner } from './LockedBanner.js';
import { Sidebar } from './Sidebar.js';
import { COMING_SOON } from './sections.js';
import { useWarnBeforeUnload } from '../../stores/template-drafts-store.js';

export function AppShell() {
  const { t } = useTranslation();
  const [location] = useLocation();

  useEffect(() => connectEvents(), []);
  useWarnBeforeUnload();
  useEffect(() => rememberPath(location), [location]);
  useEffect(() => {
    // Alt+1 … Alt+9 jump between sections, in sidebar order.
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = SECTIONS[Number(e.key) - 1];
      if (!target) return;
      e.preventDefault();
      goToSection(target);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      {/* The first Tab stop: past the sidebar and the header straight to the screen. */}
      <a className="skip-link" href="#content" onClick={skipToContent} data-testid="skip-link">
        {t('nav.skipToContent')}
      </a>
      <Sidebar />
      <div className="shell-main">
        <Header />
        <LockedBanner />
        <main className="content" id="content" tabIndex={-1}>
          <Switch>
            <Route path="/dashboard" component={DashboardScreen} />
            <Route path="/customers/packages">{() => <CustomersScreen tab="packages" />}</Route>
            <Route path="/customers/:id">{(params) => <CustomerDetail id={params.id} />}</Route>
            <Route path="/customers">{() => <CustomersScreen tab="customers" />}</Route>
            <Route path="/whatsapp/:tab?">{(params) => <WhatsAppScreen tab={params.tab} />}</Route>
            <Route path="/settings/:tab?">{(params) => <SettingsScreen tab={params.tab} />}</Route>
            {COMING_SOON.map((section) => (
              <Route key={section} path={`/${section}`}>
                {() => <ComingSoon section={section} />}
              </Route>
            ))}
            <Route>
              <Redirect to="/dashboard" replace />
            </Route>
          </Switch>
        </main>
      </div>
    </div>
  );
}

/** The hash is the router's: the skip link moves focus itself instead of changing the URL. */
function skipToContent(e: React.MouseEvent<HTMLAnchorElement>): void {
  e.preventDefault();
  document.getElementById('content')?.focus();
}
