import { useTranslation } from 'react-i18next';
import type { RouterSessions } from '../../../../shared/domain/sessions.js';
import { ageSeconds, durationText } from './duration-text.js';

/**
 * Said whenever what is shown is not live: the router did not answer (why, in the words "Tes
 * koneksi" uses) and how old the last answer is, or that it has not answered since the app started.
 */
export function SessionProblem({ problem, checkedAt }: Pick<RouterSessions, 'problem' | 'checkedAt'>) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="status" data-testid="sessions-problem" data-code={problem?.code ?? ''}>
      <strong>
        {checkedAt === null ? t('sessions.neverAnswered') : t('sessions.notLive', { age: durationText(t, ageSeconds(checkedAt)) })}
      </strong>
      {problem ? <div>{problem.message}</div> : null}
    </div>
  );
}
