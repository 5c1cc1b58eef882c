import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { useTenant } from '../../stores/tenant-store.js';

/** The plan has no WhatsApp: say what it would bring and how to get it, instead of empty tabs. */
export function WaUpsell() {
  const { t } = useTranslation();
  const plan = useTenant((s) => s.tenant?.plan);
  return (
    <div className="page">
      <div className="coming-soon wa-upsell" data-testid="wa-upsell">
        <span className="coming-soon-icon">
          <Icon name="whatsapp" size={32} />
        </span>
        <h1>{t('whatsapp.upsellTitle')}</h1>
        <p>{t('whatsapp.upsellBody')}</p>
        <ul className="wa-upsell-list">
          <li>{t('whatsapp.upsellPoint1')}</li>
          <li>{t('whatsapp.upsellPoint2')}</li>
          <li>{t('whatsapp.upsellPoint3')}</li>
        </ul>
        <p className="strong">{t('whatsapp.upsellHow')}</p>
        {plan ? <p className="muted">{t('whatsapp.upsellCurrent', { plan: t(`settings.plans.${plan}`) })}</p> : null}
      </div>
    </div>
  );
}
