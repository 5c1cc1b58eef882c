import type { InvoiceStatus } from '../../../../shared/domain/billing.js';

/** Unpaid warns, partly paid is on its way, paid is done, void is out of play. */
const TONE: Record<InvoiceStatus, string> = { unpaid: 'badge-warn', partial: 'badge-info', paid: 'badge-ok', void: 'badge-idle' };

/** The badge with its label already translated: long lists translate once, not in every row. */
export function InvoiceStatusBadge({ status, label }: { status: InvoiceStatus; label: string }) {
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {label}
    </span>
  );
}
