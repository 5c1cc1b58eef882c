import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ZONES, type TimeZone } from '../../../../shared/util/time.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { createOwner } from '../../stores/session-actions.js';
import { AuthLayout } from './AuthLayout.js';

export function FirstRunScreen() {
  const { t } = useTranslation();
  const form = useForm({
    tenantName: '',
    timezone: 'Asia/Jakarta' as TimeZone,
    username: '',
    displayName: '',
    password: '',
    confirm: '',
    demo: false,
  });
  const v = form.values;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (v.password !== v.confirm) {
      form.fail({ confirm: t('common.mismatch') });
      return;
    }
    await form.submit(() =>
      createOwner({
        tenantName: v.tenantName,
        timezone: v.timezone,
        username: v.username,
        displayName: v.displayName,
        password: v.password,
        demo: v.demo,
      }),
    );
  }

  return (
    <AuthLayout title={t('firstRun.title')} subtitle={t('firstRun.intro')} wide>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="first-run-form">
        <FormError error={form.error} />
        <fieldset className="form-section">
          <legend>{t('firstRun.ispSection')}</legend>
          <div className="form-grid">
            <Field name="tenantName" label={t('firstRun.tenantName')} hint={t('firstRun.tenantNameHint')} error={form.fieldError('tenantName')}>
              <input {...form.text('tenantName')} data-testid="input-tenantName" autoFocus />
            </Field>
            <Field name="timezone" label={t('firstRun.timezone')} error={form.fieldError('timezone')}>
              <select {...form.text('timezone')} data-testid="input-timezone">
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
            <Field name="displayName" label={t('firstRun.displayName')} error={form.fieldError('displayName')}>
              <input {...form.text('displayName')} data-testid="input-displayName" autoComplete="name" />
            </Field>
            <Field name="username" label={t('firstRun.username')} hint={t('firstRun.usernameHint')} error={form.fieldError('username')}>
              <input {...form.text('username')} data-testid="input-username" autoComplete="username" autoCapitalize="none" spellCheck={false} />
            </Field>
            <Field name="password" label={t('firstRun.password')} hint={t('firstRun.passwordHint')} error={form.fieldError('password')}>
              <input {...form.text('password')} data-testid="input-password" type="password" autoComplete="new-password" />
            </Field>
            <Field name="confirm" label={t('firstRun.confirm')} error={form.fieldError('confirm')}>
              <input {...form.text('confirm')} data-testid="input-confirm" type="password" autoComplete="new-password" />
            </Field>
          </div>
        </fieldset>
        <label className="check">
          <input {...form.checkbox('demo')} data-testid="input-demo" />
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
