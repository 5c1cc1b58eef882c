import { useTranslation } from 'react-i18next';
import { useAreas } from '../stores/data-stores.js';

/** An area is sent as its text; the option values carry a prefix so "" can mean "every area" and "=" "without one". */
const AREA = '=';

interface AreaFilterProps {
  /** null: every area; '': customers without one. */
  value: string | null;
  onChange(area: string | null): void;
  testId: string;
}

/**
 * The area ("wilayah") filter of the customer list and of Tagihan: the tenant's areas as the
 * customers were given them. A tenant that names none does not see it.
 */
export function AreaFilter({ value, onChange, testId }: AreaFilterProps) {
  const { t } = useTranslation();
  const areas = useAreas().data ?? [];
  if (areas.length === 0 && value === null) return null;
  return (
    <select
      aria-label={t('customers.areaFilter')}
      value={value === null ? '' : `${AREA}${value}`}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value.slice(AREA.length))}
      data-testid={testId}
    >
      <option value="">{t('customers.allAreas')}</option>
      <option value={AREA}>{t('customers.noArea')}</option>
      {/* An area set elsewhere (a link, another spelling) stays shown as chosen. */}
      {(value && !areas.includes(value) ? [value, ...areas] : areas).map((a) => (
        <option key={a} value={`${AREA}${a}`}>
          {a}
        </option>
      ))}
    </select>
  );
}
