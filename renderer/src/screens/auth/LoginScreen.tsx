import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { useSession } from '../../stores/session-store.js';
import { login } from '../../stores/session-actions.js';
import { AuthLayout } from './AuthLayout.js';

export function LoginScreen() {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  const form = useForm({ username: '', password: '' });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const session = await form.submit(() => login({ username: form.values.username, password: form.values.password }));
    if (!session) form.set('password', '');
  }

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="login-form">
        {notice && !form.error ? <div className="form-notice">{notice}</div> : null}
        <FormError error={form.error} />
        <Field name="username" label={t('login.username')} error={form.fieldError('username')}>
          <input {...form.text('username')} data-testid="input-username" autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
        </Field>
        <Field name="password" label={t('login.password')} error={form.fieldError('password')}>
          <input {...form.text('password')} data-testid="input-password" type="password" autoComplete="current-password" />
        </Field>
        <button type="submit" className="button primary block" disabled={form.busy} data-testid="login-submit">
          {form.busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
