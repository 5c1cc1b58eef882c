import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, CallResult } from '../../../../shared/contract/errors.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';

interface Props<T> {
  title: string;
  question: string;
  reasonLabel: string;
  reasonHint: string;
  confirmLabel: string;
  run(reason: string): Promise<CallResult<T>>;
  onDone(data: T): void;
  onClose(): void;
  testId: string;
  /** Undoing money is red; a favour (exempting a customer from auto-isolir) is not. */
  danger?: boolean;
}

/**
 * Undoing money (voiding an invoice, reversing a payment) or exempting a customer from auto-isolir
 * says what will happen and asks why: the reason is kept with the entry, so it may not be left
 * empty. The core's refusal stays in view.
 */
export function ReasonDialog<T>({ title, question, reasonLabel, reasonHint, confirmLabel, run, onDone, onClose, testId, danger = true }: Props<T>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await run(reason.trim());
    setBusy(false);
    if (result.ok) onDone(result.data);
    else setError(result.error);
  }

  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      <form className="reason-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} />
        <p data-testid={`${testId}-question`}>{question}</p>
        <Field name="reason" label={reasonLabel} hint={reasonHint} error={error?.fields?.reason}>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoComplete="off" data-testid={`${testId}-reason`} />
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} disabled={busy || reason.trim() === ''} data-testid={`${testId}-submit`}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
