import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { connectEvents } from '../../stores/event-hub.js';
import { goToSection, rememberPath, sectionOf } from '../../stores/nav-store.js';
import { useSession } from '../../stores/session-store.js';
import { DashboardScreen } from '../dashboard/DashboardScreen.js';
import { CustomersScreen } from '../customers/CustomersScreen.js';
import { CustomerDetail } from '../customers/CustomerDetail.js';
import { RoutersScreen } from '../routers/RoutersScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { WhatsAppScreen } from '../whatsapp/WhatsAppScreen.js';
import { IsolirScreen } from '../isolir/IsolirScreen.js';
import { BillingScreen } from '../billing/BillingScreen.js';
import { InvoiceDetail } from '../billing/InvoiceDetail.js';
import { ComingSoon } from './ComingSoon.js';
import { Header } from './Header.js';
import { LockedBanner } from './LockedBanner.js';
import { Sidebar } from './Sidebar.js';
import { COMING_SOON, sectionsFor } from './sections.js';
import { useWarnBeforeUnload } from '../../stores/template-drafts-store.js';

export function AppShell() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const sections = sectionsFor(useSession((s) => s.user?.role));
  // A typed or remembered address of a section this role does not have lands on the dashboard.
  const allowed = sections.includes(sectionOf(location));

  useEffect(() => connectEvents(), []);
  useWarnBeforeUnload();
  useEffect(() => rememberPath(location), [location]);
  useEffect(() => {
    // Alt+1 … Alt+9 jump between sections, in sidebar order, and Alt+0 to the tenth (as on the number row).
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey || !/^\d$/.test(e.key)) return;
      const target = sections[(Number(e.key) + 9) % 10];
      if (!target) return;
      e.preventDefault();
      goToSection(target);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sections]);

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
          {allowed ? (
            <Switch>
              <Route path="/dashboard" component={DashboardScreen} />
              <Route path="/customers/packages">{() => <CustomersScreen tab="packages" />}</Route>
              <Route path="/customers/:id">{(params) => <CustomerDetail id={params.id} />}</Route>
              <Route path="/customers">{() => <CustomersScreen tab="customers" />}</Route>
              <Route path="/billing/invoice/:id">{(params) => <InvoiceDetail id={params.id} />}</Route>
              <Route path="/billing/:tab?">{(params) => <BillingScreen tab={params.tab} />}</Route>
              <Route path="/isolir" component={IsolirScreen} />
              <Route path="/routers" component={RoutersScreen} />
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
          ) : (
            <Redirect to="/dashboard" replace />
          )}
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
