import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, CallResult } from '../../../shared/contract/errors.js';
import { FormError } from './FormError.js';
import { Modal } from './Modal.js';

interface ConfirmDialogProps<T> {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  run(): Promise<CallResult<T>>;
  onDone(data: T): void;
  onClose(): void;
}

/** Asks before an action that changes a customer's service; the core's refusal stays in view. */
export function ConfirmDialog<T>({ title, message, confirmLabel, danger, run, onDone, onClose }: ConfirmDialogProps<T>) {
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
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className={`button ${danger ? 'danger' : 'primary'}`} disabled={busy} onClick={() => void confirm()} data-testid="confirm-ok" data-autofocus>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
