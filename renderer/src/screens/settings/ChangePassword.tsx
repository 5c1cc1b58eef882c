import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { toast } from '../../stores/toast-store.js';
import { FormActions } from '../../components/FormActions.js';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePassword() {
  const { t } = useTranslation();
  const form = useForm(EMPTY);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (form.values.newPassword !== form.values.confirm) {
      form.fail({ confirm: t('common.mismatch') });
      return;
    }
    const done = await form.submit(() => call('auth.changePassword', { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword }));
    if (done) {
      form.setValues(EMPTY);
      toast(t('settings.passwordChanged'));
    }
  }

  return (
    <section className="card narrow">
      <h2>{t('settings.passwordTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="password-form">
        <FormError error={form.error} />
        <Field name="currentPassword" label={t('settings.currentPassword')} error={form.fieldError('currentPassword')}>
          <input {...form.text('currentPassword')} type="password" autoComplete="current-password" data-testid="input-currentPassword" />
        </Field>
        <Field name="newPassword" label={t('settings.newPassword')} hint={t('firstRun.passwordHint')} error={form.fieldError('newPassword')}>
          <input {...form.text('newPassword')} type="password" autoComplete="new-password" data-testid="input-newPassword" />
        </Field>
        <Field name="confirm" label={t('settings.confirmPassword')} error={form.fieldError('confirm')}>
          <input {...form.text('confirm')} type="password" autoComplete="new-password" data-testid="input-confirm" />
        </Field>
        <FormActions busy={form.busy} testId="password-save" />
      </form>
    </section>
  );
}
