import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { IsolirSkipCode } from '../../../../shared/domain/isolir.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { invalidateMethod } from '../../query/query-client.js';
import { useRouters } from '../../stores/data-stores.js';
import { toast } from '../../stores/toast-store.js';

/** A customer a request is for: named in the dialog, counted by router. */
export interface IsolirTarget {
  id: string;
  name: string;
  routerId: string | null;
}

interface Props {
  kind: 'isolate' | 'reconnect';
  customers: readonly IsolirTarget[];
  /** `sent`: the request went to the routers (a selection it came from is done). */
  onClose(sent: boolean): void;
}

/** Left-out customers named one by one up to this many. */
const FEW = 3;

/** "Pusat (8), Cabang (4)": where the customers of a request are, by how many, most first. */
function routersOf(customers: readonly IsolirTarget[], names: ReadonlyMap<string, string>, none: string): string {
  const counts = new Map<string, number>();
  for (const c of customers) {
    const name = c.routerId === null ? none : (names.get(c.routerId) ?? none);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} (${n})`)
    .join(', ');
}

/**
 * Asks for the reason (it goes into each customer's isolir history) and sends the request to the
 * routers; for many customers it says how many, on which routers, before anything is sent.
 */
export function IsolirRequestDialog({ kind, customers, onClose }: Props) {
  const { t } = useTranslation();
  const routers = useRouters().data;
  const [reason, setReason] = useState(t(kind === 'isolate' ? 'isolir.reasonIsolateDefault' : 'isolir.reasonReconnectDefault'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const label = t(kind === 'isolate' ? 'isolir.isolate' : 'isolir.reconnect');
  const names = new Map((routers ?? []).map((r) => [r.id, r.name]));
  const question =
    customers.length === 1
      ? t(kind === 'isolate' ? 'isolir.confirmIsolate' : 'isolir.confirmReconnect', { name: customers[0]?.name ?? '' })
      : t(kind === 'isolate' ? 'isolir.confirmIsolateMany' : 'isolir.confirmReconnectMany', {
          count: customers.length,
          routers: routersOf(customers, names, t('isolir.noRouter')),
        });

  /** A few left out are named; many (a bulk request) are counted by reason. */
  function skippedText(skipped: readonly { customerId: string; code: IsolirSkipCode }[]): string[] {
    if (skipped.length <= FEW) return skipped.map((s) => `${customers.find((c) => c.id === s.customerId)?.name ?? ''} ${t(`isolir.skipped_${s.code}`)}`);
    const byCode = new Map<IsolirSkipCode, number>();
    for (const s of skipped) byCode.set(s.code, (byCode.get(s.code) ?? 0) + 1);
    return [...byCode].map(([code, count]) => t('isolir.skippedCount', { count, reason: t(`isolir.skipped_${code}`) }));
  }

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
    toast([t('isolir.requested'), ...skippedText(result.data.skipped)].join(' · '));
    onClose(true);
  }

  return (
    <Modal title={label} onClose={() => onClose(false)} testId="isolir-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} />
        <p data-testid="isolir-question">{question}</p>
        <Field name="reason" label={t('isolir.reason')} error={error?.fields?.reason}>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="isolir-reason" autoComplete="off" />
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => onClose(false)}>
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
