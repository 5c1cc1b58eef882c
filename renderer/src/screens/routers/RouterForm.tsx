import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { API_PORT, API_TLS_PORT, COA_PORT, ISOLIR_METHODS, type Router, type RouterTestResult } from '../../../../shared/domain/router.js';
import { splitHostPort } from '../../../../shared/util/host.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { routerCreateFormSchema, routerEditFormSchema, routerFormDefaults, routerTestFields, routerTestFormSchema } from './router-form-values.js';
import { RouterTestAnswer } from './RouterTestAnswer.js';

interface RouterFormProps {
  router?: Router;
  onSaved(router: Router): void;
  onClose(): void;
}

/** Adds a MikroTik or changes one; "Tes koneksi" tries what is typed before anything is saved. */
export function RouterForm({ router, onSaved, onClose }: RouterFormProps) {
  const { t } = useTranslation();
  const form = useContractForm(router ? routerEditFormSchema(router) : routerCreateFormSchema, routerFormDefaults(router));
  const [testing, setTesting] = useState(false);
  const [answer, setAnswer] = useState<{ result: RouterTestResult | null; error: AppError | null } | null>(null);
  const tls = form.watch('tls');
  const method = form.watch('isolirMethod');

  const onSubmit = form.onSubmit((input) => (router ? call('routers.update', { ...input, id: router.id }) : call('routers.create', input)), onSaved);

  /** People paste "192.168.88.1:8728": the port goes to its own box as soon as they leave the address. */
  function splitPastedPort() {
    const split = splitHostPort(form.getValues('host'));
    if (split?.port == null) return;
    form.setValue('host', split.host);
    form.setValue('apiPort', String(split.port));
  }

  async function testConnection() {
    setAnswer(null);
    const parsed = routerTestFormSchema.safeParse(form.getValues());
    if (!parsed.success) {
      await form.trigger([...routerTestFields]);
      return;
    }
    setTesting(true);
    const { password, ...target } = parsed.data;
    const result = await call('routers.test', { id: router?.id ?? null, ...target, ...(password ? { password } : {}) });
    setTesting(false);
    setAnswer(result.ok ? { result: result.data, error: null } : { result: null, error: result.error });
  }

  return (
    <Modal title={router ? t('routers.editTitle', { name: router.name }) : t('routers.createTitle')} onClose={onClose} wide testId="router-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <div className="form-grid">
          <Field name="name" label={t('routers.name')} hint={t('routers.nameHint')} error={form.errorOf('name')}>
            <input {...form.register('name')} data-testid="input-name" autoComplete="off" />
          </Field>
          <Field name="host" label={t('routers.host')} hint={t('routers.hostHint')} error={form.errorOf('host')}>
            <input {...form.register('host', { onBlur: splitPastedPort })} data-testid="input-host" spellCheck={false} autoComplete="off" placeholder="192.168.88.1" />
          </Field>
          <Field
            name="apiPort"
            label={t('routers.apiPort')}
            hint={t('routers.apiPortHint', { port: tls ? API_TLS_PORT : API_PORT })}
            error={form.errorOf('apiPort')}
            optional
          >
            <input {...form.register('apiPort')} data-testid="input-apiPort" inputMode="numeric" placeholder={String(tls ? API_TLS_PORT : API_PORT)} />
          </Field>
          <label className="check">
            <input type="checkbox" {...form.register('tls')} data-testid="input-tls" />
            <span>
              {t('routers.tls')}
              <small>{t('routers.tlsHint')}</small>
            </span>
          </label>
          <Field name="username" label={t('routers.username')} hint={t('routers.usernameHint')} error={form.errorOf('username')}>
            <input {...form.register('username')} data-testid="input-username" spellCheck={false} autoCapitalize="none" autoComplete="off" />
          </Field>
          <Field
            name="password"
            label={router ? t('routers.passwordKeep') : t('routers.password')}
            {...(router ? { hint: t('routers.passwordKeepHint') } : {})}
            error={form.errorOf('password')}
            optional={Boolean(router)}
          >
            <input {...form.register('password')} type="password" autoComplete="new-password" data-testid="input-password" />
          </Field>
        </div>
        <div className="test-row">
          <button type="button" className="button" onClick={() => void testConnection()} disabled={testing} data-testid="router-test">
            {testing ? t('routers.testing') : t('routers.test')}
          </button>
          {answer ? <RouterTestAnswer result={answer.result} error={answer.error} /> : null}
        </div>
        <div className="form-grid">
          <Field name="isolirMethod" label={t('routers.isolirMethod')} error={form.errorOf('isolirMethod')}>
            <select {...form.register('isolirMethod')} data-testid="input-isolirMethod">
              {ISOLIR_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`isolirMethods.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          {method === 'pppoe-profile' ? (
            <Field name="isolirProfile" label={t('routers.isolirProfile')} hint={t('routers.isolirProfileHint')} error={form.errorOf('isolirProfile')}>
              <input {...form.register('isolirProfile')} data-testid="input-isolirProfile" spellCheck={false} />
            </Field>
          ) : null}
        </div>
        {method === 'radius' ? (
          <fieldset className="form-section" data-testid="radius-settings">
            <legend>{t('routers.radiusSection')}</legend>
            <div className="form-grid-3">
              <Field name="radiusNasAddress" label={t('routers.radiusNasAddress')} hint={t('routers.radiusNasAddressHint')} error={form.errorOf('radiusNasAddress')} optional>
                <input {...form.register('radiusNasAddress')} data-testid="input-radiusNasAddress" spellCheck={false} />
              </Field>
              <Field name="radiusCoaPort" label={t('routers.radiusCoaPort')} error={form.errorOf('radiusCoaPort')} optional>
                <input {...form.register('radiusCoaPort')} data-testid="input-radiusCoaPort" inputMode="numeric" placeholder={String(COA_PORT)} />
              </Field>
              <Field
                name="radiusSecret"
                label={router?.hasRadiusSecret ? t('routers.radiusSecretKeep') : t('routers.radiusSecret')}
                {...(router?.hasRadiusSecret ? { hint: t('routers.passwordKeepHint') } : {})}
                error={form.errorOf('radiusSecret')}
                optional={Boolean(router?.hasRadiusSecret)}
              >
                <input {...form.register('radiusSecret')} type="password" autoComplete="new-password" data-testid="input-radiusSecret" />
              </Field>
            </div>
          </fieldset>
        ) : null}
        <Field name="notes" label={t('routers.notes')} error={form.errorOf('notes')} optional>
          <textarea {...form.register('notes')} data-testid="input-notes" rows={2} />
        </Field>
        <FormActions busy={form.busy} onCancel={onClose} testId="router-save" />
      </form>
    </Modal>
  );
}
