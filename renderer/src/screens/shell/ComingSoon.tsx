import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import type { ComingSoonSection } from './sections.js';

export function ComingSoon({ section }: { section: ComingSoonSection }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="coming-soon" data-testid="coming-soon">
        <span className="coming-soon-icon">
          <Icon name={section} size={32} />
        </span>
        <h1>{t('comingSoon.title', { section: t(`nav.${section}`) })}</h1>
        <p>{t(`comingSoon.${section}`)}</p>
        <p className="muted">{t('comingSoon.later')}</p>
      </div>
    </div>
  );
}
