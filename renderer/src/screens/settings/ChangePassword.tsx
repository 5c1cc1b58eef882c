import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { withConfirmation } from '../../components/password-confirmation.js';
import { toast } from '../../stores/toast-store.js';
import { FormActions } from '../../components/FormActions.js';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

const passwordFormSchema = withConfirmation(contract['auth.changePassword'].input.extend({ confirm: z.string() }), 'newPassword');

export function ChangePassword() {
  const { t } = useTranslation();
  const form = useContractForm(passwordFormSchema, EMPTY);

  const onSubmit = form.onSubmit(
    (input) => call('auth.changePassword', { currentPassword: input.currentPassword, newPassword: input.newPassword }),
    () => {
      form.reset(EMPTY);
      toast(t('settings.passwordChanged'));
    },
  );

  return (
    <section className="card narrow">
      <h2>{t('settings.passwordTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="password-form">
        <FormError error={form.formError} />
        <Field name="currentPassword" label={t('settings.currentPassword')} error={form.errorOf('currentPassword')}>
          <input {...form.register('currentPassword')} type="password" autoComplete="current-password" data-testid="input-currentPassword" />
        </Field>
        <Field name="newPassword" label={t('settings.newPassword')} hint={t('firstRun.passwordHint')} error={form.errorOf('newPassword')}>
          <input {...form.register('newPassword')} type="password" autoComplete="new-password" data-testid="input-newPassword" />
        </Field>
        <Field name="confirm" label={t('settings.confirmPassword')} error={form.errorOf('confirm')}>
          <input {...form.register('confirm')} type="password" autoComplete="new-password" data-testid="input-confirm" />
        </Field>
        <FormActions busy={form.busy} testId="password-save" />
      </form>
    </section>
  );
}
