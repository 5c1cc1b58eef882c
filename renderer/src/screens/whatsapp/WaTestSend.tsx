import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { go, paths } from '../../stores/nav-store.js';
import { invalidateMethod } from '../../query/query-client.js';

/** One message through the whole path (template, queue, provider) to check the setup works. */
export function WaTestSend() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const form = useContractForm(contract['wa.testSend'].input, { to: '' });
  const [queuedTo, setQueuedTo] = useState<string | null>(null);

  const onSubmit = form.onSubmit(
    (input) => call('wa.testSend', input),
    () => {
      // The number as the operator typed it: that is what they will look for in the log.
      setQueuedTo(form.getValues('to'));
      invalidateMethod('wa.logs.list');
    },
  );

  return (
    <section className="card">
      <h2>{t('whatsapp.testTitle')}</h2>
      <form className="form" onSubmit={(e) => {
          setQueuedTo(null);
          void onSubmit(e);
        }} noValidate data-testid="wa-test-form">
        <FormError error={form.formError} />
        <div className="wa-inline-form">
          <Field name="to" label={t('whatsapp.testTo')} error={form.errorOf('to')} hint={t('customers.phoneHint')}>
            <input {...form.register('to')} type="tel" inputMode="tel" data-testid="wa-test-to" />
          </Field>
          <button type="submit" className="button primary" disabled={locked || form.busy || form.watch('to').trim() === ''} data-testid="wa-test-send">
            {form.busy ? t('whatsapp.testSending') : t('whatsapp.testSend')}
          </button>
        </div>
        {queuedTo ? (
          <div className="wa-result" role="status" data-testid="wa-test-result">
            {t('whatsapp.testQueued', { to: queuedTo })}{' '}
            <button type="button" className="link-button inline" onClick={() => go(paths.whatsappTab('log'))} data-testid="wa-test-open-log">
              {t('whatsapp.openLog')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
