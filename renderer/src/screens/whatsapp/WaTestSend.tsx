import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { go, paths } from '../../stores/nav-store.js';
import { invalidateMethod } from '../../query/query-client.js';

/** One message through the whole path (template, queue, provider) to check the setup works. */
export function WaTestSend() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const form = useForm({ to: '' });
  const [queuedTo, setQueuedTo] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setQueuedTo(null);
    const to = form.values.to;
    const sent = await form.submit(() => call('wa.testSend', { to }));
    if (!sent) return;
    setQueuedTo(to);
    invalidateMethod('wa.logs.list');
  }

  return (
    <section className="card">
      <h2>{t('whatsapp.testTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="wa-test-form">
        <FormError error={form.error} />
        <div className="wa-inline-form">
          <Field name="to" label={t('whatsapp.testTo')} error={form.fieldError('to')} hint={t('customers.phoneHint')}>
            <input {...form.text('to')} type="tel" inputMode="tel" data-testid="wa-test-to" />
          </Field>
          <button type="submit" className="button primary" disabled={locked || form.busy || form.values.to.trim() === ''} data-testid="wa-test-send">
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
