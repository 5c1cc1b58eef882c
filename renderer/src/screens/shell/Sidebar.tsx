import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { closeCustomer } from '../../stores/customer-detail-store.js';
import { SECTIONS, useNav, type Section } from '../../stores/nav-store.js';
import { isComingSoon } from './sections.js';

export function Sidebar() {
  const { t } = useTranslation();
  const { section: current, go } = useNav();

  function open(section: Section) {
    // Clicking "Pelanggan" again is how people expect to get back to the list from a detail page.
    if (section === 'customers') closeCustomer();
    go(section);
  }

  return (
    <nav className="sidebar" aria-label="RRNet">
      <div className="brand">
        <span className="brand-mark">RR</span>
        <strong>{t('app.name')}</strong>
      </div>
      <ul>
        {SECTIONS.map((section, index) => (
          <li key={section}>
            <button
              type="button"
              className={`nav-item${current === section ? ' active' : ''}`}
              aria-current={current === section ? 'page' : undefined}
              title={t('nav.shortcut', { key: index + 1 })}
              data-testid={`nav-${section}`}
              onClick={() => open(section)}
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
