import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { queryClient } from './query/query-client.js';
import { useSession } from './stores/session-store.js';
import { boot } from './stores/session-actions.js';
import { FirstRunScreen } from './screens/auth/FirstRunScreen.js';
import { LoginScreen } from './screens/auth/LoginScreen.js';
import { AuthLayout } from './screens/auth/AuthLayout.js';
import { AppShell } from './screens/shell/AppShell.js';
import { Toaster } from './components/Toaster.js';

export function App() {
  const phase = useSession((s) => s.phase);
  return (
    <QueryClientProvider client={queryClient}>
      <Router hook={useHashLocation}>
        <Screen phase={phase} />
      </Router>
      <Toaster />
    </QueryClientProvider>
  );
}

function Screen({ phase }: { phase: ReturnType<typeof useSession.getState>['phase'] }) {
  switch (phase) {
    case 'booting':
      return <Booting />;
    case 'unreachable':
      return <Unreachable />;
    case 'firstRun':
      return <FirstRunScreen />;
    case 'login':
      return <LoginScreen />;
    case 'app':
      return <AppShell />;
  }
}

function Booting() {
  const { t } = useTranslation();
  return <div className="splash">{t('app.loading')}</div>;
}

/** The core did not answer at start-up: say so and let the user try again. */
function Unreachable() {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  return (
    <AuthLayout title={t('app.name')}>
      <div className="form-error" role="alert">
        {notice}
      </div>
      <button type="button" className="button primary block" onClick={() => void boot()}>
        {t('common.retry')}
      </button>
    </AuthLayout>
  );
}
