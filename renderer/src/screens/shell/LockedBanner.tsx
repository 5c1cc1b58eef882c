import { useTranslation } from 'react-i18next';
import { useLocked } from '../../stores/tenant-store.js';

export function LockedBanner() {
  const { t } = useTranslation();
  if (!useLocked()) return null;
  return (
    <div className="locked-banner" role="alert" data-testid="locked-banner">
      {t('locked.banner')}
    </div>
  );
}
