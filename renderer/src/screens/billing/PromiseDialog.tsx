import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { Customer } from '../../../../shared/domain/customer.js';
import { call } from '../../api/client.js';
import { DateInput } from '../../components/DateInput.js';
import { dayText } from '../../components/day-text.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { toast } from '../../stores/toast-store.js';
import { useTenantToday } from './billing-format.js';
import { addDays } from './billing-values.js';
import { promiseFormSchema } from './promise-form-values.js';

/**
 * "Janji bayar": the day the isolated customer promises to pay by, within the tenant's limit; the
 * customer is reconnected until then. A refusal (too often, once per invoice) is about the customer,
 * not a field on this form, so its reason is what the message on top says, in plain words.
 */
export function PromiseDialog({ customer, onClose }: { customer: Customer; onClose(): void }) {
  const { t } = useTranslation();
  const today = useTenantToday();
  const { data: limits } = useMethodQuery('billing.loopSettings.get', {});
  const latest = limits ? addDays(today, limits.promiseMaxDays) : undefined;
  const form = useContractForm(promiseFormSchema, { customerId: customer.id, promisedDate: '', note: '' });

  const onSubmit = form.onSubmit(
    (input) => call('billing.promises.create', input),
    (promise) => {
      invalidateMethod('billing.promises.list');
      toast(t('billingSettings.promiseMade', { name: customer.name, day: dayText(promise.promisedDate) }));
      onClose();
    },
  );

  // The core refuses with CONFLICT ("Data bentrok…"), which says nothing here: a refusal about the
  // customer says its reason on top; one about the day points at the day's field, which says why.
  const refusal = form.formError;
  const aboutCustomer = refusal?.fields?.customerId;
  const shown: AppError | null = !refusal
    ? null
    : aboutCustomer
      ? { ...refusal, message: aboutCustomer }
      : refusal.fields?.promisedDate
        ? { ...refusal, message: t('errors.VALIDATION_FAILED') }
        : refusal;

  return (
    <Modal title={t('billingSettings.promiseTitle', { name: customer.name })} onClose={onClose} testId="promise-dialog">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={shown} />
        <p>{t('billingSettings.promiseIntro')}</p>
        <Controller
          control={form.control}
          name="promisedDate"
          render={({ field }) => (
            <Field
              name="promisedDate"
              label={t('billingSettings.promisedDate')}
              hint={latest ? t('billingSettings.promisedDateHint', { day: dayText(latest), days: limits?.promiseMaxDays ?? 0 }) : undefined}
              error={form.errorOf('promisedDate')}
            >
              <DateInput value={field.value} onChange={field.onChange} inputRef={field.ref} min={today} max={latest} label={t('billingSettings.promisedDate')} testId="promise-date" />
            </Field>
          )}
        />
        <Field name="note" label={t('billing.note')} error={form.errorOf('note')} optional>
          <input {...form.register('note')} autoComplete="off" maxLength={200} data-testid="promise-note" />
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={form.busy} data-testid="promise-submit">
            {t('billingSettings.promiseConfirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
