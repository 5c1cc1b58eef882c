import { useTranslation } from 'react-i18next';
import { OptOutForm } from './OptOutForm.js';
import { OptOutList } from './OptOutList.js';

/** Numbers that asked not to be messaged: every send to them is skipped, broadcasts included. */
export function OptOutPanel() {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="wa-optout">
      <h2>{t('whatsapp.optOutTitle')}</h2>
      <p className="muted">{t('whatsapp.optOutHint')}</p>
      <OptOutForm />
      <OptOutList />
    </section>
  );
}
