import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES, type Customer } from '../../../../shared/domain/customer.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useForm } from '../../components/use-form.js';
import { call } from '../../api/client.js';
import { usePackages, useRouters } from '../../stores/data-stores.js';
import { blankCustomer, customerInput, customerValues, type CustomerFormValues } from './customer-form-values.js';
import { FormActions } from '../../components/FormActions.js';

type CustomerFormApi = ReturnType<typeof useForm<CustomerFormValues>>;

const BILLING_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

interface CustomerFormProps {
  /** Absent when adding a new customer. */
  customer?: Customer;
  onSaved(customer: Customer): void;
  onClose(): void;
}

export function CustomerForm({ customer, onSaved, onClose }: CustomerFormProps) {
  const { t } = useTranslation();
  const form = useForm(customer ? customerValues(customer) : blankCustomer(new Date()));
  const packages = usePackages().data;
  const routers = useRouters().data;


  // A customer keeps an inactive package until moved; new customers only get active ones.
  const choices = (packages ?? []).filter((p) => p.active || p.id === customer?.packageId);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { input, errors } = customerInput(form.values);
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    const saved = await form.submit(() => (customer ? call('customers.update', { ...input, id: customer.id }) : call('customers.create', input)));
    if (saved) onSaved(saved);
  }

  return (
    <Modal title={customer ? t('customers.editTitle', { code: customer.code }) : t('customers.createTitle')} onClose={onClose} wide testId="customer-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.error} />
        <div className="form-grid form-grid-3">
          <Field name="name" label={t('customers.name')} error={form.fieldError('name')} className="span-2">
            <input {...form.text('name')} data-testid="input-name" autoComplete="off" />
          </Field>
          <Field name="phone" label={t('customers.phone')} hint={t('customers.phoneHint')} error={form.fieldError('phone')}>
            <input {...form.text('phone')} data-testid="input-phone" type="tel" inputMode="tel" autoComplete="off" />
          </Field>
          <Field name="address" label={t('customers.address')} error={form.fieldError('address')} optional className="span-3">
            <input {...form.text('address')} data-testid="input-address" autoComplete="off" />
          </Field>
          <Field name="packageId" label={t('customers.package')} error={form.fieldError('packageId')}>
            <select {...form.text('packageId')} data-testid="input-packageId">
              <option value="">{t('customers.choosePackage')}</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {formatRupiah(p.price)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="serviceType" label={t('customers.serviceType')} error={form.fieldError('serviceType')}>
            <select {...form.text('serviceType')} data-testid="input-serviceType">
              {SERVICE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`serviceType.${type}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="billingDay" label={t('customers.billingDay')} error={form.fieldError('billingDay')}>
            <select {...form.text('billingDay')} data-testid="input-billingDay">
              {BILLING_DAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {t('customers.billingDayValue', { day })}
                </option>
              ))}
            </select>
          </Field>
          <Field name="username" label={t('customers.username')} error={form.fieldError('username')}>
            <input {...form.text('username')} data-testid="input-username" autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field name="routerId" label={t('customers.router')} error={form.fieldError('routerId')} optional>
            <select {...form.text('routerId')} data-testid="input-routerId">
              <option value="">{t('customers.noRouter')}</option>
              {(routers ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.host})
                </option>
              ))}
            </select>
          </Field>
          <Coordinates form={form} />
          <Field name="notes" label={t('customers.notes')} error={form.fieldError('notes')} optional className="span-3">
            <textarea {...form.text('notes')} data-testid="input-notes" rows={2} />
          </Field>
        </div>
        <FormActions busy={form.busy} onCancel={onClose} testId="customer-save" />
      </form>
    </Modal>
  );
}

/** Latitude and longitude share one cell: they are one thing to the user, a point on the map. */
function Coordinates({ form }: { form: CustomerFormApi }) {
  const { t } = useTranslation();
  const errors = (['latitude', 'longitude'] as const).filter((name) => form.fieldError(name));
  return (
    <div className="field" role="group" aria-label={t('customers.coordinates')}>
      <span className="field-label">
        {t('customers.coordinates')}
        <span className="field-optional"> ({t('common.optional')})</span>
      </span>
      <div className="field-pair">
        <input {...form.text('latitude')} data-testid="input-latitude" inputMode="decimal" placeholder="-7.4245" aria-label={t('customers.latitude')} title={t('customers.latitude')} />
        <input {...form.text('longitude')} data-testid="input-longitude" inputMode="decimal" placeholder="109.2303" aria-label={t('customers.longitude')} title={t('customers.longitude')} />
      </div>
      {errors.map((name) => (
        <span key={name} className="field-error" role="alert" data-testid={`error-${name}`}>
          {t(`customers.${name}`)}: {form.fieldError(name)}
        </span>
      ))}
      {errors.length === 0 ? <span className="field-hint">{t('customers.coordinatesHint')}</span> : null}
    </div>
  );
}
