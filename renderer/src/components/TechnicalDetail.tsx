import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What support asks for (a code, a provider's or the browser's own words), folded away under
 * "Detail teknis": the screen leads with plain words and advice, this is there when needed.
 */
export function TechnicalDetail({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <details className="technical-detail" data-testid={testId}>
      <summary>{t('common.technicalDetail')}</summary>
      {children}
    </details>
  );
}
