import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { useSession } from '../../stores/session-store.js';
import { login } from '../../stores/session-actions.js';
import { AuthLayout } from './AuthLayout.js';

export function LoginScreen() {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  const form = useContractForm(contract['auth.login'].input, { username: '', password: '' });

  // A refused password is cleared so the next try starts from an empty box, not a half-edited one.
  const onSubmit = form.onSubmit(async (input) => {
    const result = await login(input);
    if (!result.ok) form.setValue('password', '');
    return result;
  }, () => undefined);

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="login-form">
        {notice && !form.formError ? <div className="form-notice">{notice}</div> : null}
        <FormError error={form.formError} />
        {form.formError?.code === 'TOO_MANY_ATTEMPTS' ? (
          <div className="form-notice" data-testid="login-throttled-hint">
            {t('login.throttledHint')}
          </div>
        ) : null}
        <Field name="username" label={t('login.username')} error={form.errorOf('username')}>
          <input {...form.register('username')} data-testid="input-username" autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
        </Field>
        <Field name="password" label={t('login.password')} error={form.errorOf('password')}>
          <input {...form.register('password')} data-testid="input-password" type="password" autoComplete="current-password" />
        </Field>
        <button type="submit" className="button primary block" disabled={form.busy} data-testid="login-submit">
          {form.busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
