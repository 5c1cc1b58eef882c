import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, CallResult } from '../../../shared/contract/errors.js';
import { FormError } from './FormError.js';
import { Modal } from './Modal.js';

interface ConfirmDialogProps<T> {
  title: string;
  message: string;
  confirmLabel: string;
  /** The way out, when "Batal" would sit next to a confirm label that also says cancel. */
  dismissLabel?: string;
  danger?: boolean;
  run(): Promise<CallResult<T>>;
  onDone(data: T): void;
  onClose(): void;
}

/**
 * Asks before an action that changes a customer's service; the core's refusal stays in view. A
 * dangerous action never holds the focus: Enter or a stray Space keeps things as they are.
 */
export function ConfirmDialog<T>({ title, message, confirmLabel, dismissLabel, danger, run, onDone, onClose }: ConfirmDialogProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function confirm() {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (result.ok) onDone(result.data);
    else setError(result.error);
  }

  return (
    <Modal title={title} onClose={onClose} testId="confirm-dialog">
      <FormError error={error} />
      <p>{message}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} data-testid="confirm-dismiss" data-autofocus={danger ? true : undefined}>
          {dismissLabel ?? t('common.cancel')}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'danger' : 'primary'}`}
          disabled={busy}
          onClick={() => void confirm()}
          data-testid="confirm-ok"
          data-autofocus={danger ? undefined : true}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
