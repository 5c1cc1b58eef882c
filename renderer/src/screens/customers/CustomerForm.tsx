import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES, type Customer } from '../../../../shared/domain/customer.js';
import { parseCoordinatePair } from '../../../../shared/util/coordinates.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { call } from '../../api/client.js';
import { useAreas, usePackages, useRouters } from '../../stores/data-stores.js';
import { blankCustomer, customerFormSchema, customerValues } from './customer-form-values.js';
import { FormActions } from '../../components/FormActions.js';
import { useDuplicateWarnings } from './use-duplicates.js';

type CustomerFormApi = ReturnType<typeof useContractForm<typeof customerFormSchema>>;

const BILLING_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

interface CustomerFormProps {
  /** Absent when adding a new customer. */
  customer?: Customer;
  onSaved(customer: Customer): void;
  onClose(): void;
}

export function CustomerForm({ customer, onSaved, onClose }: CustomerFormProps) {
  const { t } = useTranslation();
  const form = useContractForm(customerFormSchema, customer ? customerValues(customer) : blankCustomer(new Date()));
  const packages = usePackages().data;
  const routers = useRouters().data;
  const areas = useAreas().data;
  const warnings = useDuplicateWarnings(form.watch('phone'), form.watch('name'), customer?.id ?? null);
  const whatsapp = form.watch('whatsapp') !== false;

  // A customer keeps an inactive package until moved; new customers only get active ones.
  const choices = (packages ?? []).filter((p) => p.active || p.id === customer?.packageId);

  const onSubmit = form.onSubmit((input) => (customer ? call('customers.update', { ...input, id: customer.id }) : call('customers.create', input)), onSaved);

  return (
    <Modal title={customer ? t('customers.editTitle', { code: customer.code }) : t('customers.createTitle')} onClose={onClose} wide testId="customer-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <div className="form-grid form-grid-3">
          <Field name="name" label={t('customers.name')} error={form.errorOf('name')} warning={warnings.name} className="span-2">
            <input {...form.register('name')} data-testid="input-name" autoComplete="off" />
          </Field>
          <Field name="phone" label={t('customers.phone')} hint={t('customers.phoneHint')} error={form.errorOf('phone')} warning={warnings.phone}>
            <input {...form.register('phone')} data-testid="input-phone" type="tel" inputMode="tel" autoComplete="off" />
          </Field>
          <div className="field span-3">
            <label className="check">
              <input
                type="checkbox"
                checked={!whatsapp}
                onChange={(e) => form.setValue('whatsapp', !e.target.checked, { shouldValidate: form.formState.isSubmitted })}
                data-testid="input-noWhatsapp"
                aria-invalid={form.errorOf('whatsapp') ? true : undefined}
              />
              <span>{t('customers.noWhatsapp')}</span>
            </label>
            {form.errorOf('whatsapp') ? (
              <span className="field-error" data-testid="error-whatsapp">
                {form.errorOf('whatsapp')}
              </span>
            ) : null}
          </div>
          <Field name="address" label={t('customers.address')} error={form.errorOf('address')} optional className="span-2">
            <input {...form.register('address')} data-testid="input-address" autoComplete="off" />
          </Field>
          <Field name="area" label={t('customers.area')} hint={t('customers.areaHint')} error={form.errorOf('area')} optional>
            <input {...form.register('area')} data-testid="input-area" list="customer-areas" autoComplete="off" />
            <datalist id="customer-areas">
              {(areas ?? []).map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </Field>
          <Field name="packageId" label={t('customers.package')} error={form.errorOf('packageId')}>
            <select {...form.register('packageId')} data-testid="input-packageId">
              <option value="">{t('customers.choosePackage')}</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {formatRupiah(p.price)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="serviceType" label={t('customers.serviceType')} error={form.errorOf('serviceType')}>
            <select {...form.register('serviceType')} data-testid="input-serviceType">
              {SERVICE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`serviceType.${type}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="billingDay" label={t('customers.billingDay')} error={form.errorOf('billingDay')}>
            <select {...form.register('billingDay')} data-testid="input-billingDay">
              {BILLING_DAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {t('customers.billingDayValue', { day })}
                </option>
              ))}
            </select>
          </Field>
          <Field name="username" label={t('customers.username')} error={form.errorOf('username')}>
            <input {...form.register('username')} data-testid="input-username" autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field
            name="pppoePassword"
            label={t('customers.pppoePassword')}
            hint={customer ? t('customers.pppoePasswordKeep') : t('customers.pppoePasswordHint')}
            error={form.errorOf('pppoePassword')}
            optional
          >
            <input {...form.register('pppoePassword')} data-testid="input-pppoePassword" type="password" autoComplete="new-password" spellCheck={false} />
          </Field>
          <Field name="routerId" label={t('customers.router')} error={form.errorOf('routerId')} optional>
            <select {...form.register('routerId')} data-testid="input-routerId">
              <option value="">{t('customers.noRouter')}</option>
              {(routers ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.host})
                </option>
              ))}
            </select>
          </Field>
          <Coordinates form={form} />
          <Field name="notes" label={t('customers.notes')} error={form.errorOf('notes')} optional className="span-3">
            <textarea {...form.register('notes')} data-testid="input-notes" rows={2} />
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
  const errors = (['latitude', 'longitude'] as const).filter((name) => form.errorOf(name));
  const messageId = 'customer-coordinates-message';
  // A pair pasted or typed into either box ("-7.4245, 109.2303" from Google Maps) fills both.
  const coordinate = (name: 'latitude' | 'longitude') => {
    const registered = form.register(name);
    return {
      ...registered,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        const pair = parseCoordinatePair(e.target.value);
        if (!pair) return registered.onChange(e);
        const options = { shouldValidate: form.formState.isSubmitted, shouldDirty: true };
        form.setValue('latitude', String(pair.latitude), options);
        form.setValue('longitude', String(pair.longitude), options);
        return Promise.resolve();
      },
    };
  };
  return (
    <div className="field" role="group" aria-label={t('customers.coordinates')}>
      <span className="field-label">
        {t('customers.coordinates')}
        <span className="field-optional"> ({t('common.optional')})</span>
      </span>
      <div className="field-pair">
        <input {...coordinate('latitude')} data-testid="input-latitude" inputMode="decimal" placeholder="-7.4245" aria-label={t('customers.latitude')} title={t('customers.latitude')} aria-describedby={messageId} aria-invalid={form.errorOf('latitude') ? true : undefined} />
        <input {...coordinate('longitude')} data-testid="input-longitude" inputMode="decimal" placeholder="109.2303" aria-label={t('customers.longitude')} title={t('customers.longitude')} aria-describedby={messageId} aria-invalid={form.errorOf('longitude') ? true : undefined} />
      </div>
      <span id={messageId}>
        {errors.map((name) => (
          <span key={name} className="field-error" data-testid={`error-${name}`}>
            {t(`customers.${name}`)}: {form.errorOf(name)}
          </span>
        ))}
        {errors.length === 0 ? <span className="field-hint">{t('customers.coordinatesHint')}</span> : null}
      </span>
    </div>
  );
}
