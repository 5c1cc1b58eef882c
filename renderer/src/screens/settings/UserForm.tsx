import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/roles.js';
import type { User } from '../../../../shared/domain/user.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useForm } from '../../components/use-form.js';
import { FormActions } from '../../components/FormActions.js';

interface UserFormProps {
  user?: User;
  onSaved(user: User): void;
  onClose(): void;
}

/** Adds an account, or changes one: name, role, whether it may sign in, and a password reset. */
export function UserForm({ user, onSaved, onClose }: UserFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? ('admin' as Role),
    active: user?.active ?? true,
    password: '',
  });
  const v = form.values;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await form.submit(() =>
      user
        ? call('users.update', {
            id: user.id,
            displayName: v.displayName,
            role: v.role,
            active: v.active,
            ...(v.password ? { password: v.password } : {}),
          })
        : call('users.create', { username: v.username, displayName: v.displayName, role: v.role, password: v.password }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <Modal title={user ? t('settings.editUserTitle', { username: user.username }) : t('settings.createUserTitle')} onClose={onClose} testId="user-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.error} />
        <Field name="username" label={t('settings.username')} hint={t('firstRun.usernameHint')} error={form.fieldError('username')}>
          <input {...form.text('username')} data-testid="input-username" disabled={Boolean(user)} autoCapitalize="none" spellCheck={false} autoComplete="off" />
        </Field>
        <Field name="displayName" label={t('settings.displayName')} error={form.fieldError('displayName')}>
          <input {...form.text('displayName')} data-testid="input-displayName" autoComplete="off" />
        </Field>
        <Field name="role" label={t('settings.role')} error={form.fieldError('role')}>
          <select {...form.text('role')} data-testid="input-role">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="password"
          label={user ? t('settings.resetPassword') : t('settings.password')}
          hint={user ? t('settings.resetPasswordHint') : t('firstRun.passwordHint')}
          error={form.fieldError('password')}
          optional={Boolean(user)}
        >
          <input {...form.text('password')} type="password" autoComplete="new-password" data-testid="input-password" />
        </Field>
        {user ? (
          <label className="check">
            <input {...form.checkbox('active')} data-testid="input-active" />
            <span>{t('settings.userActive')}</span>
          </label>
        ) : null}
        <FormActions busy={form.busy} onCancel={onClose} testId="user-save" />
      </form>
    </Modal>
  );
}
