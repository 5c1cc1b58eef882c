import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MANUAL_LINE_KINDS } from '../../../../shared/domain/billing.js';
import type { Customer } from '../../../../shared/domain/customer.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { i18next } from '../../i18n/index.js';
import { invalidateMethod } from '../../query/query-client.js';
import { go, paths } from '../../stores/nav-store.js';
import { toast } from '../../stores/toast-store.js';
import { useAmountEcho } from './amount-echo.js';
import { oneOffFormSchema, type LineFormValues } from './invoice-line-values.js';

const LINES_MAX = 5;
const blankLine = (): LineFormValues => ({ kind: 'charge', description: '', amount: '' });

/**
 * "Tagihan baru": a one-off invoice for a customer (installation fee, a new router), outside the
 * monthly run. The request key is made once per form: a double click makes one invoice.
 */
export function OneOffInvoiceDialog({ customer, onClose }: { customer: Customer; onClose(): void }) {
  const { t } = useTranslation();
  const [requestKey] = useState(() => crypto.randomUUID());
  const form = useContractForm(oneOffFormSchema, { requestKey, customerId: customer.id, lines: [blankLine()] });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const echo = useAmountEcho();

  const onSubmit = form.onSubmit(
    (input) => call('billing.invoices.create', input),
    (invoice) => {
      invalidateMethod('billing.invoices.list');
      invalidateMethod('billing.customers.balance');
      toast(t('billingSettings.oneOffDone', { number: invoice.number }));
      onClose();
      go(paths.invoice(invoice.id));
    },
  );

  /** A line's field message: nested, so not one of errorOf's top-level names. */
  const lineError = (index: number, field: keyof LineFormValues) => {
    const message = form.formState.errors.lines?.[index]?.[field]?.message;
    return message ? i18next.t(message as 'validation.required') : undefined;
  };

  return (
    <Modal title={t('billingSettings.oneOffTitle', { name: customer.name })} onClose={onClose} wide testId="one-off-dialog">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <p className="muted">{t('billingSettings.oneOffIntro')}</p>
        {lines.fields.map((row, index) => (
          <div className="one-off-line" key={row.id} data-testid={`one-off-line-${index}`}>
            <Field name={`lines.${index}.kind`} label={t('billingSettings.lineKind')}>
              <select {...form.register(`lines.${index}.kind`)} data-testid={`one-off-kind-${index}`}>
                {MANUAL_LINE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`billing.line_${kind}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name={`lines.${index}.description`} label={t('billing.colDescription')} hint={index === 0 ? t('billingSettings.chargeHint') : undefined} error={lineError(index, 'description')}>
              <input {...form.register(`lines.${index}.description`)} autoComplete="off" maxLength={120} data-testid={`one-off-description-${index}`} />
            </Field>
            <Field name={`lines.${index}.amount`} label={t('billing.colAmount')} hint={echo(form.watch(`lines.${index}.amount`))} error={lineError(index, 'amount')}>
              <input {...form.register(`lines.${index}.amount`)} inputMode="numeric" autoComplete="off" data-testid={`one-off-amount-${index}`} />
            </Field>
            {lines.fields.length > 1 ? (
              <button type="button" className="button ghost" onClick={() => lines.remove(index)} data-testid={`one-off-remove-${index}`}>
                {t('billingSettings.removeLine')}
              </button>
            ) : null}
          </div>
        ))}
        {lines.fields.length < LINES_MAX ? (
          <button type="button" className="button" onClick={() => lines.append(blankLine())} data-testid="one-off-add-line">
            {t('billingSettings.addLine')}
          </button>
        ) : null}
        <FormActions busy={form.busy} onCancel={onClose} testId="one-off-save" />
      </form>
    </Modal>
  );
}
