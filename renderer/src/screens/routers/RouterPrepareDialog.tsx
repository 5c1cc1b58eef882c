import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { Router } from '../../../../shared/domain/router.js';
import type { PrepareItem, PreparePlan, PrepareResult } from '../../../../shared/domain/router-prepare.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';

const STATUS_TONE: Record<PrepareItem['status'], string> = { present: 'badge-ok', add: 'badge-info', change: 'badge-warn', manual: 'badge-idle' };
const OUTCOME_TONE: Record<PrepareResult['items'][number]['outcome'], string> = {
  present: 'badge-ok',
  added: 'badge-ok',
  changed: 'badge-ok',
  manual: 'badge-warn',
  failed: 'badge-danger',
  skipped: 'badge-idle',
};

/**
 * "Siapkan router": reads the router and lists, in plain words, what its isolir method needs and
 * whether it is there; "Terapkan" (the confirmation) applies it and shows each item's result.
 * Nothing on the router changes before that button.
 */
export function RouterPrepareDialog({ router, onClose }: { router: Router; onClose(): void }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PreparePlan | null>(null);
  const [result, setResult] = useState<PrepareResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    setPlan(null);
    setError(null);
    void call('routers.prepare.plan', { id: router.id }).then((answer) => {
      if (!current) return;
      if (answer.ok) setPlan(answer.data);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [router.id, asked]);

  async function apply() {
    setBusy(true);
    setError(null);
    const answer = await call('routers.prepare.apply', { id: router.id });
    setBusy(false);
    if (answer.ok) setResult(answer.data);
    else setError(answer.error);
  }

  function again() {
    setResult(null);
    setAsked((n) => n + 1);
  }

  const pending = plan?.items.filter((i) => i.status === 'add' || i.status === 'change').length ?? 0;
  const outcomes = new Map(result?.items.map((i) => [i.key, i]) ?? []);

  return (
    <Modal title={t('prepare.title', { name: router.name })} onClose={onClose} wide testId="router-prepare">
      <FormError error={error} />
      <p className="muted">{t(`prepare.intro.${router.isolirMethod}`)}</p>
      {!plan && !error ? <p className="muted">{t('prepare.reading')}</p> : null}
      {plan?.problem ? (
        <div className="form-error" role="alert" data-testid="prepare-problem" data-code={plan.problem.code}>
          {plan.problem.message}
        </div>
      ) : null}
      {result ? (
        <div className={result.problem ? 'form-error' : 'notice-ok'} role="status" data-testid="prepare-result">
          {result.problem ? t('prepare.failed', { message: result.problem.message }) : t('prepare.done')}
        </div>
      ) : null}
      {plan && !plan.problem ? (
        <>
          {plan.version ? <p className="muted">{t('prepare.version', { version: plan.version })}</p> : null}
          {plan.landing === null && plan.method !== 'disable-secret' ? (
            <p className="form-notice" data-testid="prepare-no-landing">
              {t('prepare.noLanding')}
            </p>
          ) : null}
          {plan.items.length === 0 ? <p data-testid="prepare-nothing">{t('prepare.nothingNeeded')}</p> : null}
          {plan.items.length > 0 ? (
            <table className="table prepare-items" data-testid="prepare-items">
              <thead>
                <tr>
                  <th>{t('prepare.colItem')}</th>
                  <th>{t('prepare.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.items.map((item) => {
                  const outcome = outcomes.get(item.key);
                  return (
                    <tr key={item.key} data-testid="prepare-item" data-key={item.key} data-status={outcome?.outcome ?? item.status}>
                      <td>
                        <strong>{t(`prepare.items.${item.key}`)}</strong>
                        <div className="muted">{t(`prepare.why.${item.key}`)}</div>
                        {item.changes.length > 0 && item.status === 'change' ? (
                          <ul className="prepare-changes">
                            {item.changes.map((c) => (
                              <li key={c.field}>
                                {c.field === 'place' ? t('prepare.placeChange') : t('prepare.fieldChange', { field: c.field, have: c.have ?? t('prepare.empty'), want: c.want })}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        <code className="mono prepare-command">{item.command}</code>
                      </td>
                      <td>
                        {outcome ? (
                          <>
                            <span className={`badge ${OUTCOME_TONE[outcome.outcome]}`}>{t(`prepare.outcome.${outcome.outcome}`)}</span>
                            {outcome.problem ? <div className="field-error">{outcome.problem.message}</div> : null}
                          </>
                        ) : (
                          <span className={`badge ${STATUS_TONE[item.status]}`}>{t(`prepare.status.${item.status}`)}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} data-testid="prepare-close">
          {t('common.close')}
        </button>
        {result || plan?.problem ? (
          <button type="button" className="button" onClick={again} data-testid="prepare-again">
            {t('prepare.again')}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy || pending === 0} onClick={() => void apply()} data-testid="prepare-apply" data-autofocus>
            {busy ? t('prepare.applying') : pending === 0 ? t('prepare.allPresent') : t('prepare.apply', { count: pending })}
          </button>
        )}
      </div>
    </Modal>
  );
}
