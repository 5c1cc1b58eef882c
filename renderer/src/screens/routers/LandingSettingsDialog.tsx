import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { LandingStatus } from '../../../../shared/domain/router-prepare.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { landingFormDefaults, landingFormSchema } from './landing-form-values.js';

/** Whether the page is being served now, and where, or why not. */
function LandingState({ status }: { status: LandingStatus }) {
  const { t } = useTranslation();
  if (status.listening) {
    return (
      <p className="notice-ok" role="status" data-testid="landing-state" data-state="on">
        {t('landing.listening', { address: `http://${status.listening.host}:${status.listening.port}` })}
      </p>
    );
  }
  if (status.problem) {
    return (
      <p className="form-error" role="status" data-testid="landing-state" data-state="problem">
        {status.problem}
      </p>
    );
  }
  return (
    <p className="muted" data-testid="landing-state" data-state="off">
      {t('landing.off')}
    </p>
  );
}

function LandingForm({ status, onSaved, onClose }: { status: LandingStatus; onSaved(status: LandingStatus): void; onClose(): void }) {
  const { t } = useTranslation();
  const form = useContractForm(landingFormSchema, landingFormDefaults(status));
  const onSubmit = form.onSubmit((input) => call('routers.landing.update', input), onSaved);
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormError error={form.formError} />
      <LandingState status={status} />
      <label className="check">
        <input type="checkbox" {...form.register('enabled')} data-testid="input-enabled" />
        <span>
          {t('landing.enabled')}
          <small>{t('landing.enabledHint')}</small>
        </span>
      </label>
      <div className="form-grid">
        <Field name="host" label={t('landing.host')} hint={t('landing.hostHint')} error={form.errorOf('host')}>
          <input {...form.register('host')} data-testid="input-host" spellCheck={false} autoComplete="off" placeholder="192.168.88.10" />
        </Field>
        <Field name="port" label={t('landing.port')} hint={t('landing.portHint')} error={form.errorOf('port')}>
          <input {...form.register('port')} data-testid="input-port" inputMode="numeric" />
        </Field>
        <Field name="contactPhone" label={t('landing.contactPhone')} hint={t('landing.contactPhoneHint')} error={form.errorOf('contactPhone')} optional>
          <input {...form.register('contactPhone')} data-testid="input-contactPhone" inputMode="tel" autoComplete="off" />
        </Field>
      </div>
      <Field name="paymentNote" label={t('landing.paymentNote')} hint={t('landing.paymentNoteHint')} error={form.errorOf('paymentNote')} optional>
        <textarea {...form.register('paymentNote')} data-testid="input-paymentNote" rows={3} />
      </Field>
      <FormActions busy={form.busy} onCancel={onClose} testId="landing-save" />
    </form>
  );
}

/**
 * "Halaman isolir": the page isolated customers see (served by this computer), what it says, and
 * where. Its address is where "Siapkan router" points each router's redirect.
 */
export function LandingSettingsDialog({ onSaved, onClose }: { onSaved(): void; onClose(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LandingStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void call('routers.landing.get', {}).then((answer) => {
      if (!current) return;
      if (answer.ok) setStatus(answer.data);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, []);

  function saved(next: LandingStatus) {
    setStatus(next);
    // A page that could not start stays open with its reason; one that runs closes the dialog.
    if (!next.problem) onSaved();
  }

  return (
    <Modal title={t('landing.title')} onClose={onClose} wide testId="landing-settings">
      <p className="muted">{t('landing.intro')}</p>
      <FormError error={error} />
      {/* Keyed by the status so the form starts again from what was saved. */}
      {status ? <LandingForm key={JSON.stringify(status)} status={status} onSaved={saved} onClose={onClose} /> : null}
    </Modal>
  );
}
