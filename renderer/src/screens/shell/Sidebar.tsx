import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Icon } from '../../components/Icon.js';
import { goToSection, sectionOf } from '../../stores/nav-store.js';
import { useSession } from '../../stores/session-store.js';
import { isComingSoon, sectionsFor } from './sections.js';

export function Sidebar() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const current = sectionOf(location);
  const sections = sectionsFor(useSession((s) => s.user?.role));

  return (
    <nav className="sidebar" aria-label="RRNet">
      <div className="brand">
        <span className="brand-mark">RR</span>
        <strong>{t('app.name')}</strong>
      </div>
      <ul>
        {sections.map((section, index) => (
          <li key={section}>
            <button
              type="button"
              className={`nav-item${current === section ? ' active' : ''}`}
              aria-current={current === section ? 'page' : undefined}
              title={index < 10 ? t('nav.shortcut', { key: (index + 1) % 10 }) : undefined}
              data-testid={`nav-${section}`}
              onClick={() => goToSection(section)}
            >
              <Icon name={section} />
              <span className="nav-label">{t(`nav.${section}`)}</span>
              {isComingSoon(section) ? <span className="nav-soon">{t('comingSoon.badge')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
