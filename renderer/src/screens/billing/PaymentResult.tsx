import { useTranslation } from 'react-i18next';
import type { PaymentRecordResult } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { PrintReceipt } from './PrintButtons.js';

interface Props {
  result: PaymentRecordResult;
  name: string;
}

/** What the payment did: what is still owed or kept as credit, and the customer's connection coming back. */
export function PaymentResult({ result, name }: Props) {
  const { t } = useTranslation();
  const { payment, owed, credit, reconnect } = result;
  const rest = owed > 0 ? t('billing.recordedOwed', { amount: formatRupiah(owed) }) : credit > 0 ? t('billing.recordedCredit', { amount: formatRupiah(credit) }) : t('billing.recordedPaid');
  return (
    <section className="card pay-result" role="status" data-testid="pay-result">
      <p>
        <strong data-testid="pay-result-text">{t('billing.recorded', { amount: formatRupiah(payment.amount), name })}</strong> <span data-testid="pay-result-rest">{rest}</span>
      </p>
      <p>
        {t('billing.receiptNumber')}{' '}
        <strong className="mono" data-testid="pay-result-number">
          {payment.number}
        </strong>
      </p>
      {reconnect === 'requested' ? <ReconnectStatus customerId={payment.customerId} name={name} /> : null}
      {reconnect === 'still_owing' ? (
        <p className="form-notice" data-testid="pay-still-isolated">
          {t('billing.stillOwing')}
        </p>
      ) : null}
      <div className="pay-result-actions">
        <PrintReceipt payment={payment} name={name} />
        <p className="muted">{t('billing.nextPayment')}</p>
      </div>
    </section>
  );
}

/**
 * The reconnection isolir makes for the payment, followed through the customer's status: the core
 * moves it to active once the router confirmed (customer_reconnected refreshes it). The customer's
 * record, not isolir's own history, so finance (who does not run the network) sees it too.
 */
function ReconnectStatus({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const { data: customer } = useMethodQuery('customers.get', { id: customerId });
  const connected = customer?.status === 'active';
  return (
    <div className={`reconnect ${connected ? 'reconnect-done' : 'reconnect-busy'}`} data-testid="pay-reconnect" data-state={connected ? 'connected' : 'reconnecting'}>
      <span className="reconnect-dot" aria-hidden="true" />
      <strong>{connected ? t('billing.reconnected') : t('billing.reconnecting')}</strong>
      <span className="muted">{connected ? t('billing.reconnectedHint', { name }) : t('billing.reconnectingHint', { name })}</span>
    </div>
  );
}
