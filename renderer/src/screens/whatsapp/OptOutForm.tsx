import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';

const EMPTY = { phone: '', reason: '' };

/** Adding is always "opt out": the form asks only for the number and why; removing is on the list. */
const optOutFormSchema = contract['wa.optOut.set'].input.omit({ optedOut: true });

/** Puts a number on the opt-out list. */
export function OptOutForm() {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const form = useContractForm(optOutFormSchema, EMPTY);

  const onSubmit = form.onSubmit(
    (input) => call('wa.optOut.set', { ...input, optedOut: true }),
    (done) => {
      invalidateMethod('wa.optOut.list');
      toast(t('whatsapp.optOutAdded', { phone: formatPhoneLocal(done.phone) }));
      form.reset(EMPTY);
    },
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormError error={form.formError} />
      <div className="wa-inline-form">
        <Field name="phone" label={t('whatsapp.optOutPhone')} error={form.errorOf('phone')}>
          <input {...form.register('phone')} type="tel" inputMode="tel" data-testid="wa-optout-phone" />
        </Field>
        <Field name="reason" label={t('whatsapp.optOutReason')} error={form.errorOf('reason')} optional>
          <input {...form.register('reason')} data-testid="wa-optout-reason" />
        </Field>
        <button type="submit" className="button" disabled={locked || form.busy || form.watch('phone').trim() === ''} data-testid="wa-optout-add">
          {t('whatsapp.optOutAdd')}
        </button>
      </div>
    </form>
  );
}
