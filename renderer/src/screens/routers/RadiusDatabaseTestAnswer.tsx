import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { RadiusDatabaseTestResult } from '../../../../shared/domain/radius-database.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';

/** The plain answer of "Tes database": ready, or what stands in the way and what to do; the server's own words folded away. */
export function RadiusDatabaseTestAnswer({ result, error }: { result: RadiusDatabaseTestResult | null; error: AppError | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="form-error" role="status" data-testid="radius-db-test-answer" data-code={error.code}>
        {error.message}
      </div>
    );
  }
  if (!result) return null;
  if (result.problem) {
    return (
      <div className="form-error" role="status" data-testid="radius-db-test-answer" data-code={result.problem.code}>
        {result.problem.message}
        <TechnicalDetail>
          <code>{result.problem.detail}</code>
        </TechnicalDetail>
      </div>
    );
  }
  return (
    <div className="form-ok" role="status" data-testid="radius-db-test-answer" data-code="OK">
      {t('radiusDb.testOk')}
    </div>
  );
}
