import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { POSTGRES_PORT, RADIUS_DB_KINDS, type RadiusDatabase, type RadiusDatabaseTestResult } from '../../../../shared/domain/radius-database.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { radiusDatabaseDefaults, radiusDatabaseFormSchema } from './radius-database-form-values.js';
import { RadiusDatabaseTestAnswer } from './RadiusDatabaseTestAnswer.js';

interface RadiusDatabaseFormProps {
  current: RadiusDatabase | undefined;
  onSaved(saved: RadiusDatabase): void;
  onClose(): void;
}

/** Where FreeRADIUS keeps its tables; "Tes database" tries what is typed before anything is saved. */
export function RadiusDatabaseForm({ current, onSaved, onClose }: RadiusDatabaseFormProps) {
  const { t } = useTranslation();
  const schema = radiusDatabaseFormSchema(current);
  const form = useContractForm(schema, radiusDatabaseDefaults(current));
  const [testing, setTesting] = useState(false);
  const [answer, setAnswer] = useState<{ result: RadiusDatabaseTestResult | null; error: AppError | null } | null>(null);
  const kind = form.watch('kind');
  const keepsPassword = Boolean(current?.hasPassword);

  const onSubmit = form.onSubmit((input) => call('isolir.radiusDb.update', input), onSaved);

  async function testDatabase() {
    setAnswer(null);
    // Every wrong box marked at once, as on Simpan.
    if (!(await form.trigger())) return;
    const parsed = schema.safeParse(form.getValues());
    if (!parsed.success) return;
    setTesting(true);
    const result = await call('isolir.radiusDb.test', parsed.data);
    setTesting(false);
    setAnswer(result.ok ? { result: result.data, error: null } : { result: null, error: result.error });
  }

  return (
    <Modal title={t('radiusDb.formTitle')} onClose={onClose} wide testId="radius-db-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p className="muted">{t('radiusDb.intro')}</p>
        <FormError error={form.formError} />
        <Field name="kind" label={t('radiusDb.kind')} error={form.errorOf('kind')}>
          <select {...form.register('kind')} data-testid="input-kind">
            {RADIUS_DB_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`radiusDb.kind_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'postgresql' ? (
          <div className="form-grid">
            <Field name="host" label={t('radiusDb.host')} hint={t('radiusDb.hostHint')} error={form.errorOf('host')}>
              <input {...form.register('host')} data-testid="input-host" spellCheck={false} autoComplete="off" placeholder="192.168.88.10" />
            </Field>
            <Field name="port" label={t('radiusDb.port')} error={form.errorOf('port')} optional>
              <input {...form.register('port')} data-testid="input-port" inputMode="numeric" placeholder={String(POSTGRES_PORT)} />
            </Field>
            <Field name="database" label={t('radiusDb.database')} hint={t('radiusDb.databaseHint')} error={form.errorOf('database')}>
              <input {...form.register('database')} data-testid="input-database" spellCheck={false} autoComplete="off" />
            </Field>
            <Field name="user" label={t('radiusDb.user')} hint={t('radiusDb.userHint')} error={form.errorOf('user')}>
              <input {...form.register('user')} data-testid="input-user" spellCheck={false} autoCapitalize="none" autoComplete="off" />
            </Field>
            <Field
              name="password"
              label={keepsPassword ? t('radiusDb.passwordKeep') : t('radiusDb.password')}
              {...(keepsPassword ? { hint: t('radiusDb.passwordKeepHint') } : {})}
              error={form.errorOf('password')}
              optional={keepsPassword}
            >
              <input {...form.register('password')} type="password" autoComplete="new-password" data-testid="input-password" />
            </Field>
          </div>
        ) : (
          <Field name="path" label={t('radiusDb.path')} hint={t('radiusDb.pathHint')} error={form.errorOf('path')}>
            <input {...form.register('path')} data-testid="input-path" spellCheck={false} autoComplete="off" placeholder="/etc/freeradius/3.0/sqlite/freeradius.db" />
          </Field>
        )}
        <div className="test-row">
          <button type="button" className="button" onClick={() => void testDatabase()} disabled={testing} data-testid="radius-db-test">
            {testing ? t('radiusDb.testing') : t('radiusDb.test')}
          </button>
          {answer ? <RadiusDatabaseTestAnswer result={answer.result} error={answer.error} /> : null}
        </div>
        <FormActions busy={form.busy} onCancel={onClose} testId="radius-db-save" />
      </form>
    </Modal>
  );
}
