import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../shared/domain/customer.js';

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge ${active ? 'badge-active' : 'badge-inactive'}`}>{active ? t('common.active') : t('common.inactive')}</span>;
}
