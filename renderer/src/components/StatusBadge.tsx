import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../shared/domain/customer.js';

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <StatusBadgeText status={status} label={t(`status.${status}`)} />;
}

/** The badge with its label already translated: long lists translate once, not in every row. */
export function StatusBadgeText({ status, label }: { status: CustomerStatus; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge ${active ? 'badge-active' : 'badge-inactive'}`}>{active ? t('common.active') : t('common.inactive')}</span>;
}
