import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useWaOptOuts } from '../../stores/wa-stores.js';
import { useFormatTime } from './use-wa-format.js';
import { invalidateMethod } from '../../query/query-client.js';

/** Numbers that asked not to be messaged: every send to them is skipped, broadcasts included. */
export function OptOutPanel() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const formatTime = useFormatTime();
  const { data, error } = useWaOptOuts();
  const form = useForm({ phone: '', reason: '' });


  async function setOptOut(phone: string, optedOut: boolean, reason: string) {
    const done = await form.submit(() => call('wa.optOut.set', { phone, optedOut, reason }));
    if (!done) return false;
    invalidateMethod('wa.optOut.list');
    toast(optedOut ? t('whatsapp.optOutAdded', { phone: formatPhoneLocal(done.phone) }) : t('whatsapp.optOutRemoved', { phone: formatPhoneLocal(done.phone) }));
    return true;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await setOptOut(form.values.phone, true, form.values.reason)) form.setValues({ phone: '', reason: '' });
  }

  return (
    <section className="card" data-testid="wa-optout">
      <h2>{t('whatsapp.optOutTitle')}</h2>
      <p className="muted">{t('whatsapp.optOutHint')}</p>
      <FormError error={error} />
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
      {data && data.length > 0 ? (
        <table className="table compact wa-optout-table">
          <tbody>
            {data.map((row) => (
              <tr key={row.phone} data-testid="wa-optout-row">
                <td>
                  <span className="mono strong wa-nowrap">{formatPhoneLocal(row.phone)}</span>
                  <span className="wa-optout-meta muted">{[row.reason, formatTime(row.createdAt)].filter(Boolean).join(' · ')}</span>
                </td>
                <td className="col-actions">
                  <button type="button" className="button small" disabled={locked || form.busy} onClick={() => void setOptOut(row.phone, false, '')} data-testid="wa-optout-remove">
                    {t('whatsapp.optOutRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? (
        <p className="muted" data-testid="wa-optout-empty">
          {t('whatsapp.optOutEmpty')}
        </p>
      ) : null}
    </section>
  );
}
