import { useTranslation } from 'react-i18next';
import type { BillingSettings } from '../../../../../shared/domain/billing.js';
import { fillPaymentUrl } from '../../../../../shared/util/payment-url.js';
import { call } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormError } from '../../../components/FormError.js';
import { useContractForm } from '../../../components/use-contract-form.js';
import { usePermissions } from '../../../components/use-permissions.js';
import { setMethodData } from '../../../query/query-client.js';
import { useMethodQuery } from '../../../query/use-method-query.js';
import { toast } from '../../../stores/toast-store.js';
import { useTenantToday } from '../billing-format.js';
import { billingSettingsDefaults, billingSettingsFormSchema } from './billing-settings-values.js';

type Check = 'prorateFirstMonth' | 'invoiceIsolated' | 'invoiceInactive' | 'notifyInvoiceCreated';
const CHECKS: readonly Check[] = ['prorateFirstMonth', 'invoiceIsolated', 'invoiceInactive', 'notifyInvoiceCreated'];

/** What the live example of the payment link is filled with: this month's first invoice as the office's own numbering would make it. */
const exampleInvoice = (today: string, officeCode: string) => ({
  id: '01JEXAMPLE0000000000000000',
  number: `INV/${today.slice(0, 7).replace('-', '')}/${officeCode.trim().toUpperCase() || 'A'}-00001`,
  customerCode: 'PLG-0001',
});

/** Charges and their policy: PPN, due date and grace, proration, who is invoiced, numbering, the payment link. */
export function BillingSettingsCard() {
  const { t } = useTranslation();
  const { data, error } = useMethodQuery('billing.settings.get', {});
  return (
    <section className="card" data-testid="billing-settings">
      <h2>{t('billingSettings.chargesTitle')}</h2>
      <FormError error={error} />
      {/* Keyed by what was saved, so the form starts again from it. */}
      {data ? <BillingSettingsForm key={data.updatedAt ?? 'defaults'} settings={data} /> : null}
    </section>
  );
}

function BillingSettingsForm({ settings }: { settings: BillingSettings }) {
  const { t } = useTranslation();
  const { manager, locked } = usePermissions();
  const readOnly = !manager || locked;
  const form = useContractForm(billingSettingsFormSchema, billingSettingsDefaults(settings));
  const today = useTenantToday();
  const pattern = form.watch('paymentUrlPattern').trim();
  const example = fillPaymentUrl(pattern, exampleInvoice(today, form.watch('officeCode')));

  const onSubmit = form.onSubmit(
    (input) => call('billing.settings.update', input),
    (saved) => {
      setMethodData('billing.settings.get', {}, saved);
      toast(t('common.saved'));
    },
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="billing-settings-form">
      {!manager ? <div className="form-notice">{t('billingSettings.managersOnly')}</div> : null}
      <FormError error={form.formError} />
      <div className="form-grid">
        <Field name="ppnPercent" label={t('billingSettings.ppn')} hint={t('billingSettings.ppnHint')} error={form.errorOf('ppnPercent')}>
          <input {...form.register('ppnPercent')} inputMode="decimal" autoComplete="off" disabled={readOnly} data-testid="input-ppn" />
        </Field>
        <Field name="officeCode" label={t('billingSettings.officeCode')} hint={t('billingSettings.officeCodeHint')} error={form.errorOf('officeCode')}>
          <input {...form.register('officeCode')} autoComplete="off" spellCheck={false} maxLength={8} disabled={readOnly} data-testid="input-officeCode" />
        </Field>
        <Field name="dueDays" label={t('billingSettings.dueDays')} hint={t('billingSettings.dueDaysHint')} error={form.errorOf('dueDays')}>
          <input {...form.register('dueDays')} inputMode="numeric" autoComplete="off" disabled={readOnly} data-testid="input-dueDays" />
        </Field>
        <Field name="graceDays" label={t('billingSettings.graceDays')} hint={t('billingSettings.graceDaysHint')} error={form.errorOf('graceDays')}>
          <input {...form.register('graceDays')} inputMode="numeric" autoComplete="off" disabled={readOnly} data-testid="input-graceDays" />
        </Field>
      </div>
      <fieldset className="check-list">
        <legend className="field-label">{t('billingSettings.policies')}</legend>
        {CHECKS.map((name) => (
          <label key={name} className="check">
            <input type="checkbox" {...form.register(name)} disabled={readOnly} data-testid={`input-${name}`} />
            <span>
              {t(`billingSettings.${name}`)}
              <small className="muted">{t(`billingSettings.${name}Hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        name="paymentUrlPattern"
        label={t('billingSettings.paymentUrl')}
        hint={t('billingSettings.paymentUrlHint', { placeholders: '{{invoice_number}}, {{customer_code}}, {{invoice_id}}' })}
        error={form.errorOf('paymentUrlPattern')}
        optional
      >
        <input {...form.register('paymentUrlPattern')} autoComplete="off" spellCheck={false} placeholder="https://bayar.contoh.id/{{invoice_number}}" disabled={readOnly} data-testid="input-paymentUrlPattern" />
      </Field>
      <p className="payment-url-example" data-testid="payment-url-example">
        <span className="muted">{t('billingSettings.paymentUrlExample')}</span> {example ? <span className="mono">{example}</span> : <span className="muted">{t('billingSettings.paymentUrlNone')}</span>}
      </p>
      {manager ? <FormActions busy={form.busy} disabled={readOnly} testId="billing-settings-save" /> : null}
    </form>
  );
}
