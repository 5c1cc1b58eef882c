import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../../shared/domain/billing.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod, setMethodData } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';
import { useAmountEcho } from './amount-echo.js';
import { addLineFormSchema } from './invoice-line-values.js';

type Kind = 'discount' | 'charge';

/** "Tambah potongan" / "Tambah biaya" on an invoice not yet paid in full. */
export function InvoiceLineActions({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const [kind, setKind] = useState<Kind | null>(null);
  return (
    <>
      <button type="button" className="button" disabled={locked} onClick={() => setKind('discount')} data-testid="invoice-add-discount">
        {t('billingSettings.addDiscount')}
      </button>
      <button type="button" className="button" disabled={locked} onClick={() => setKind('charge')} data-testid="invoice-add-charge">
        {t('billingSettings.addCharge')}
      </button>
      {kind ? <InvoiceLineDialog invoice={invoice} kind={kind} onClose={() => setKind(null)} /> : null}
    </>
  );
}

function InvoiceLineDialog({ invoice, kind, onClose }: { invoice: InvoiceDetail; kind: Kind; onClose(): void }) {
  const { t } = useTranslation();
  const form = useContractForm(addLineFormSchema, { invoiceId: invoice.id, kind, description: '', amount: '' });
  const echo = useAmountEcho();

  const onSubmit = form.onSubmit(
    (input) => call('billing.invoices.addLine', input),
    (saved) => {
      setMethodData('billing.invoices.get', { id: invoice.id }, saved);
      invalidateMethod('billing.invoices.list');
      invalidateMethod('billing.customers.balance');
      toast(t(kind === 'discount' ? 'billingSettings.discountAdded' : 'billingSettings.chargeAdded', { number: invoice.number }));
      onClose();
    },
  );

  return (
    <Modal title={t(kind === 'discount' ? 'billingSettings.addDiscountTitle' : 'billingSettings.addChargeTitle', { number: invoice.number })} onClose={onClose} testId="invoice-line-dialog">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <Field name="description" label={t('billing.colDescription')} hint={t(kind === 'discount' ? 'billingSettings.discountHint' : 'billingSettings.chargeHint')} error={form.errorOf('description')}>
          <input {...form.register('description')} autoComplete="off" maxLength={120} data-testid="line-description" />
        </Field>
        <Field name="amount" label={t('billing.colAmount')} hint={echo(form.watch('amount'))} error={form.errorOf('amount')}>
          <input {...form.register('amount')} inputMode="numeric" autoComplete="off" data-testid="line-amount" />
        </Field>
        <FormActions busy={form.busy} onCancel={onClose} testId="line-save" />
      </form>
    </Modal>
  );
}
