import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/domain/user.js';
import { useLocale } from '../stores/locale-store.js';
import { changeLocale } from '../stores/session-actions.js';

/** ID | EN, always one click away: on the login screen and in the header. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t } = useTranslation();
  const locale = useLocale((s) => s.locale);
  return (
    <div className={`segmented segmented-${tone}`} role="group" aria-label={t('language.label')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          data-testid={`lang-${code}`}
          aria-pressed={locale === code}
          title={t(`language.${code}`)}
          onClick={() => void changeLocale(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
