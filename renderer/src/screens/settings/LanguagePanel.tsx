import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../shared/domain/user.js';
import { useLocale } from '../../stores/locale-store.js';
import { changeLocale } from '../../stores/session-actions.js';

export function LanguagePanel() {
  const { t } = useTranslation();
  const locale = useLocale((s) => s.locale);
  return (
    <section className="card narrow">
      <h2>{t('settings.languageTitle')}</h2>
      <div className="radio-list" role="radiogroup" aria-label={t('settings.languageTitle')}>
        {LOCALES.map((code) => (
          <label key={code} className="check">
            <input type="radio" name="locale" checked={locale === code} onChange={() => void changeLocale(code)} data-testid={`locale-${code}`} />
            <span>{t(`language.${code}`)}</span>
          </label>
        ))}
      </div>
      <p className="muted">{t('settings.languageHint')}</p>
    </section>
  );
}
