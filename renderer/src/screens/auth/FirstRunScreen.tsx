import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.js';
import { TIME_ZONES } from '../../../../shared/util/time.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { withConfirmation } from '../../components/password-confirmation.js';
import { createOwner } from '../../stores/session-actions.js';
import { AuthLayout } from './AuthLayout.js';

const firstRunSchema = withConfirmation(contract['setup.createOwner'].input.extend({ confirm: z.string() }), 'password');

export function FirstRunScreen() {
  const { t } = useTranslation();
  const form = useContractForm(firstRunSchema, {
    tenantName: '',
    timezone: 'Asia/Jakarta',
    username: '',
    displayName: '',
    password: '',
    confirm: '',
    demo: false,
  });
  const onSubmit = form.onSubmit(({ confirm: _typedTwice, ...input }) => createOwner(input), () => undefined);

  return (
    <AuthLayout title={t('firstRun.title')} subtitle={t('firstRun.intro')} wide>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="first-run-form">
        <FormError error={form.formError} />
        <fieldset className="form-section">
          <legend>{t('firstRun.ispSection')}</legend>
          <div className="form-grid">
            <Field name="tenantName" label={t('firstRun.tenantName')} hint={t('firstRun.tenantNameHint')} error={form.errorOf('tenantName')}>
              <input {...form.register('tenantName')} data-testid="input-tenantName" autoFocus />
            </Field>
            <Field name="timezone" label={t('firstRun.timezone')} error={form.errorOf('timezone')}>
              <select {...form.register('timezone')} data-testid="input-timezone">
                {TIME_ZONES.map((zone) => (
                  <option key={zone} value={zone}>
                    {t(`zones.${zone}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('firstRun.ownerSection')}</legend>
          <div className="form-grid">
            <Field name="displayName" label={t('firstRun.displayName')} error={form.errorOf('displayName')}>
              <input {...form.register('displayName')} data-testid="input-displayName" autoComplete="name" />
            </Field>
            <Field name="username" label={t('firstRun.username')} hint={t('firstRun.usernameHint')} error={form.errorOf('username')}>
              <input {...form.register('username')} data-testid="input-username" autoComplete="username" autoCapitalize="none" spellCheck={false} />
            </Field>
            <Field name="password" label={t('firstRun.password')} hint={t('firstRun.passwordHint')} error={form.errorOf('password')}>
              <input {...form.register('password')} data-testid="input-password" type="password" autoComplete="new-password" />
            </Field>
            <Field name="confirm" label={t('firstRun.confirm')} error={form.errorOf('confirm')}>
              <input {...form.register('confirm')} data-testid="input-confirm" type="password" autoComplete="new-password" />
            </Field>
          </div>
        </fieldset>
        <label className="check">
          <input {...form.register('demo')} type="checkbox" data-testid="input-demo" />
          <span>
            <strong>{t('firstRun.demo')}</strong>
            <small className="muted">{t('firstRun.demoHint')}</small>
          </span>
        </label>
        <button type="submit" className="button primary block" disabled={form.busy} data-testid="first-run-submit">
          {form.busy ? t('common.saving') : t('firstRun.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
