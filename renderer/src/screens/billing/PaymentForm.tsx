import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { Customer } from '../../../../shared/domain/customer.js';
import { PAYMENT_METHODS, PROOF_CONTENT_TYPES, PROOF_MAX_BYTES, type CustomerBalance, type PaymentRecordResult } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { toBase64 } from '../../components/base64.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { invalidateMethod } from '../../query/query-client.js';
import { paymentFormSchema } from './payment-form-values.js';

type ProofType = (typeof PROOF_CONTENT_TYPES)[number];
const isProofType = (type: string): type is ProofType => (PROOF_CONTENT_TYPES as readonly string[]).includes(type);

interface Props {
  customer: Customer;
  balance: CustomerBalance;
  locked: boolean;
  onRecorded(result: PaymentRecordResult): void;
  onCancel(): void;
}

/**
 * One payment for one customer. The amount is what they owe, selected, so Enter records it in
 * cash; a transfer asks for its reference and may keep a photo of the proof. The request key is
 * made once per form: a double Enter, or a retry after a lost answer, records one payment.
 */
export function PaymentForm({ customer, balance, locked, onRecorded, onCancel }: Props) {
  const { t } = useTranslation();
  const [requestKey] = useState(() => crypto.randomUUID());
  const [proof, setProof] = useState<File | null>(null);
  const [proofError, setProofError] = useState<AppError | null>(null);
  const form = useContractForm(paymentFormSchema, {
    requestKey,
    customerId: customer.id,
    amount: balance.owed > 0 ? String(balance.owed) : '',
    method: 'cash',
    reference: '',
    note: '',
  });
  const method = form.watch('method');

  const onSubmit = form.onSubmit(
    async (input) => {
      const photo = method === 'cash' || !proof ? null : { contentType: proof.type as ProofType, base64: toBase64(new Uint8Array(await proof.arrayBuffer())) };
      return call('billing.payments.record', { ...input, proof: photo });
    },
    (result) => {
      // The events will also come; the socket may be down.
      invalidateMethod('billing.customers.balance');
      invalidateMethod('billing.payments.list');
      onRecorded(result);
    },
  );

  function chooseProof(file: File | undefined) {
    setProofError(null);
    setProof(null);
    if (!file) return;
    if (!isProofType(file.type) || file.size > PROOF_MAX_BYTES) {
      setProofError({ code: 'VALIDATION_FAILED', message: t('billing.proofRefused') });
      return;
    }
    setProof(file);
  }

  return (
    <section className="card pay-card" data-testid="pay-form">
      <div className="card-header">
        <h2 data-testid="pay-customer">
          {customer.name} <span className="muted mono">{customer.code}</span> <StatusBadge status={customer.status} />
        </h2>
        <button type="button" className="link-button" onClick={onCancel} data-testid="pay-change-customer">
          {t('billing.changeCustomer')}
        </button>
      </div>
      <dl className="pay-balance">
        <div>
          <dt>{t('billing.owed')}</dt>
          <dd className="money-strong" data-testid="pay-owed">
            {formatRupiah(balance.owed)}
          </dd>
        </div>
        {balance.overdue > 0 ? (
          <div>
            <dt>{t('billing.overdue')}</dt>
            <dd className="money-danger">{formatRupiah(balance.overdue)}</dd>
          </div>
        ) : null}
        {balance.credit > 0 ? (
          <div>
            <dt>{t('billing.credit')}</dt>
            <dd>{formatRupiah(balance.credit)}</dd>
          </div>
        ) : null}
      </dl>
      {balance.owed === 0 ? <p className="muted">{t('billing.nothingOwed')}</p> : null}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError ?? proofError} />
        <div className="form-grid">
          <Field name="amount" label={t('billing.amount')} error={form.errorOf('amount')}>
            <input {...form.register('amount')} inputMode="numeric" autoFocus onFocus={(e) => e.target.select()} data-testid="pay-amount" />
          </Field>
          <fieldset className="method-choice">
            <legend className="field-label">{t('billing.method')}</legend>
            {PAYMENT_METHODS.map((m) => (
              <label key={m} className="check">
                <input type="radio" value={m} {...form.register('method')} data-testid={`pay-method-${m}`} />
                <span>{t(`billing.method_${m}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {method === 'cash' ? null : (
          <div className="form-grid">
            <Field name="reference" label={t('billing.reference')} hint={t('billing.referenceHint')} error={form.errorOf('reference')}>
              <input {...form.register('reference')} autoComplete="off" spellCheck={false} data-testid="pay-reference" />
            </Field>
            <Field name="proof" label={t('billing.proof')} hint={t('billing.proofHint')} optional>
              <input type="file" accept={PROOF_CONTENT_TYPES.join(',')} onChange={(e) => chooseProof(e.target.files?.[0])} data-testid="pay-proof" />
            </Field>
          </div>
        )}
        <Field name="note" label={t('billing.note')} error={form.errorOf('note')} optional>
          <input {...form.register('note')} autoComplete="off" data-testid="pay-note" />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={locked || form.busy} data-testid="pay-submit">
            {form.busy ? t('billing.recording') : t('billing.record')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
