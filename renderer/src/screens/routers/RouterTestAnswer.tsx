import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { RouterTestResult } from '../../../../shared/domain/router.js';

/** The plain answer of "Tes koneksi": what the router is, or what stands in the way and what to do. */
export function RouterTestAnswer({ result, error }: { result: RouterTestResult | null; error: AppError | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="form-error" role="status" data-testid="router-test-answer" data-code={error.code}>
        {error.message}
      </div>
    );
  }
  if (!result) return null;
  if (result.problem) {
    return (
      <div className="form-error" role="status" data-testid="router-test-answer" data-code={result.problem.code}>
        {result.problem.message}
      </div>
    );
  }
  return (
    <div className="form-ok" role="status" data-testid="router-test-answer" data-code="OK">
      {t('routers.testOk', { identity: result.identity ?? '?', version: result.version ?? '?' })}
    </div>
  );
}
