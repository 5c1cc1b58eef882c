import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.js';
import { useLocale } from './stores/locale-store.js';
import { boot } from './stores/session-actions.js';
import { App } from './App.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/whatsapp.css';
import './styles/print-profile.css';
import './styles/printing.css';
import './styles/billing.css';
import './styles/billing-settings.css';

const locale = useLocale.getState().locale;
document.documentElement.lang = locale;
initI18n(locale);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void boot();
