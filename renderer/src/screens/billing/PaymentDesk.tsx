import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customer.js';
import type { PaymentRecordResult } from '../../../../shared/domain/billing.js';
import { FormError } from '../../components/FormError.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { useBillingFilters } from '../../stores/billing-filters-store.js';
import { CustomerFinder } from './CustomerFinder.js';
import { PaymentForm } from './PaymentForm.js';
import { PaymentResult } from './PaymentResult.js';

interface Recorded {
  result: PaymentRecordResult;
  name: string;
}

/**
 * "Catat pembayaran" at the counter, in three keystrokes: type part of a name, Enter picks the
 * first match, Enter records what they owe in cash. The last payment's result (and the customer's
 * reconnection) stays in view while the next customer is typed.
 */
export function PaymentDesk({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  // An invoice's or a customer's page may have sent someone to pay.
  const [customerId, setCustomerId] = useState<string | null>(() => useBillingFilters.getState().payFor);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const finder = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (useBillingFilters.getState().payFor !== null) useBillingFilters.setState({ payFor: null });
    if (customerId === null) finder.current?.focus();
  }, [customerId]);

  const pick = useCallback((customer: Customer) => setCustomerId(customer.id), []);

  return (
    <div className="pay-desk" data-testid="pay-desk">
      <CustomerFinder ref={finder} onPick={pick} />
      <p className="muted pay-hint">{t('billing.findHint')}</p>
      {customerId !== null ? (
        <PaymentFor
          key={customerId}
          customerId={customerId}
          locked={locked}
          onRecorded={(result, name) => {
            setRecorded({ result, name });
            setCustomerId(null);
          }}
          onCancel={() => setCustomerId(null)}
        />
      ) : recorded ? (
        <PaymentResult result={recorded.result} name={recorded.name} />
      ) : null}
    </div>
  );
}

interface PaymentForProps {
  customerId: string;
  locked: boolean;
  onRecorded(result: PaymentRecordResult, name: string): void;
  onCancel(): void;
}

/** The form waits for what the customer owes: the amount it offers is that. */
function PaymentFor({ customerId, locked, onRecorded, onCancel }: PaymentForProps) {
  const { t } = useTranslation();
  const customer = useMethodQuery('customers.get', { id: customerId });
  const balance = useMethodQuery('billing.customers.balance', { customerId });
  const error = customer.error ?? balance.error;
  if (error) return <FormError error={error} />;
  if (!customer.data || !balance.data) return <p className="muted">{t('common.loading')}</p>;
  const name = customer.data.name;
  return <PaymentForm customer={customer.data} balance={balance.data} locked={locked} onRecorded={(result) => onRecorded(result, name)} onCancel={onCancel} />;
}
