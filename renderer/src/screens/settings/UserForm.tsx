import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ROLES } from '../../../../shared/domain/roles.js';
import { passwordSchema, userCreateSchema, type User } from '../../../../shared/domain/user.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { FormActions } from '../../components/FormActions.js';

/** The create call's own rules; `active` rides along unused so both modes share one form shape. */
const createSchema = userCreateSchema.extend({ active: z.boolean() });

/** Editing: the username is fixed once made, and an empty password box keeps the current password. */
const editSchema = createSchema.extend({ username: z.string(), password: z.literal('').or(passwordSchema) });

interface UserFormProps {
  user?: User;
  onSaved(user: User): void;
  onClose(): void;
}

/** Adds an account, or changes one: name, role, whether it may sign in, and a password reset. */
export function UserForm({ user, onSaved, onClose }: UserFormProps) {
  const { t } = useTranslation();
  const form = useContractForm(user ? editSchema : createSchema, {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'admin',
    active: user?.active ?? true,
    password: '',
  });

  const onSubmit = form.onSubmit(
    (input) =>
      user
        ? call('users.update', {
            id: user.id,
            displayName: input.displayName,
            role: input.role,
            active: input.active,
            ...(input.password ? { password: input.password } : {}),
          })
        : call('users.create', { username: input.username, displayName: input.displayName, role: input.role, password: input.password }),
    onSaved,
  );

  return (
    <Modal title={user ? t('settings.editUserTitle', { username: user.username }) : t('settings.createUserTitle')} onClose={onClose} testId="user-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <Field name="username" label={t('settings.username')} hint={t('firstRun.usernameHint')} error={form.errorOf('username')}>
          <input {...form.register('username')} data-testid="input-username" disabled={Boolean(user)} autoCapitalize="none" spellCheck={false} autoComplete="off" />
        </Field>
        <Field name="displayName" label={t('settings.displayName')} error={form.errorOf('displayName')}>
          <input {...form.register('displayName')} data-testid="input-displayName" autoComplete="off" />
        </Field>
        <Field name="role" label={t('settings.role')} error={form.errorOf('role')}>
          <select {...form.register('role')} data-testid="input-role">
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
          error={form.errorOf('password')}
          optional={Boolean(user)}
        >
          <input {...form.register('password')} type="password" autoComplete="new-password" data-testid="input-password" />
        </Field>
        {user ? (
          <label className="check">
            <input {...form.register('active')} type="checkbox" data-testid="input-active" />
            <span>{t('settings.userActive')}</span>
          </label>
        ) : null}
        <FormActions busy={form.busy} onCancel={onClose} testId="user-save" />
      </form>
    </Modal>
  );
}
