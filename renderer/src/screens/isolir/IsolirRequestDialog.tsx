import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { invalidateMethod } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';

interface Props {
  kind: 'isolate' | 'reconnect';
  customers: readonly { id: string; name: string }[];
  onClose(): void;
}

/** Asks for the reason (it goes into the customer's isolir history) and sends the request to the router. */
export function IsolirRequestDialog({ kind, customers, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(t(kind === 'isolate' ? 'isolir.reasonIsolateDefault' : 'isolir.reasonReconnectDefault'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const name = customers.length === 1 ? (customers[0]?.name ?? '') : String(customers.length);
  const label = t(kind === 'isolate' ? 'isolir.isolate' : 'isolir.reconnect');

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await call(kind === 'isolate' ? 'isolir.isolate' : 'isolir.reconnect', { customerIds: customers.map((c) => c.id), reason });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    invalidateMethod('isolir.list');
    invalidateMethod('isolir.history');
    const skipped = result.data.skipped.map((s) => `${customers.find((c) => c.id === s.customerId)?.name ?? ''} ${t(`isolir.skipped_${s.code}`)}`);
    toast([t('isolir.requested'), ...skipped].join(' · '));
    onClose();
  }

  return (
    <Modal title={label} onClose={onClose} testId="isolir-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} />
        <p>{t(kind === 'isolate' ? 'isolir.confirmIsolate' : 'isolir.confirmReconnect', { name })}</p>
        <Field name="reason" label={t('isolir.reason')} error={error?.fields?.reason}>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="isolir-reason" autoComplete="off" />
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${kind === 'isolate' ? 'danger' : 'primary'}`} disabled={busy || reason.trim() === ''} data-testid="isolir-submit">
            {label}
          </button>
        </div>
      </form>
    </Modal>
  );
}
