import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { OptOutList } from './OptOutList.js';
import { invalidateMethod } from '../../query/query-client.js';

/** Numbers that asked not to be messaged: every send to them is skipped, broadcasts included. */
export function OptOutPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const form = useForm({ phone: '', reason: '' });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const done = await form.submit(() => call('wa.optOut.set', { phone: form.values.phone, optedOut: true, reason: form.values.reason }));
    if (!done) return;
    invalidateMethod('wa.optOut.list');
    toast(t('whatsapp.optOutAdded', { phone: formatPhoneLocal(done.phone) }));
    form.setValues({ phone: '', reason: '' });
  }

  return (
    <section className="card" data-testid="wa-optout">
      <h2>{t('whatsapp.optOutTitle')}</h2>
      <p className="muted">{t('whatsapp.optOutHint')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.error} />
        <div className="wa-inline-form">
          <Field name="phone" label={t('whatsapp.optOutPhone')} error={form.fieldError('phone')}>
            <input {...form.text('phone')} type="tel" inputMode="tel" data-testid="wa-optout-phone" />
          </Field>
          <Field name="reason" label={t('whatsapp.optOutReason')} error={form.fieldError('reason')} optional>
            <input {...form.text('reason')} data-testid="wa-optout-reason" />
          </Field>
          <button type="submit" className="button" disabled={locked || form.busy || form.values.phone.trim() === ''} data-testid="wa-optout-add">
            {t('whatsapp.optOutAdd')}
          </button>
        </div>
      </form>
      <OptOutList />
    </section>
  );
}
