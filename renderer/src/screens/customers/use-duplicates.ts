import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDuplicate } from '../../../../shared/domain/customer.js';
import { useMethodQuery } from '../../query/use-method-query.js';

/** The core is asked once typing pauses, not at every key. */
const ASK_DELAY_MS = 350;

/**
 * Warnings for the customer form: who already has the phone or the name being typed. A family
 * shares one number and two Budi Santosos exist, so these never stop the save; they make the
 * operator look before adding the same person twice.
 */
export function useDuplicateWarnings(phone: string, name: string, exceptId: string | null): { phone?: string; name?: string } {
  const { t } = useTranslation();
  const [asked, setAsked] = useState({ phone: phone.trim(), name: name.trim() });
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked({ phone: phone.trim(), name: name.trim() }), ASK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [phone, name]);
  const { data } = useMethodQuery('customers.duplicates', { ...asked, exceptId }, { enabled: asked.phone !== '' || asked.name !== '' });

  const who = (list: readonly CustomerDuplicate[]) =>
    list.map((c) => (c.status === 'inactive' ? `${c.code} ${c.name} (${t('status.inactive').toLowerCase()})` : `${c.code} ${c.name}`)).join(', ');
  return {
    ...(data?.phone.length ? { phone: t('customers.duplicatePhone', { who: who(data.phone) }) } : {}),
    ...(data?.name.length ? { name: t('customers.duplicateName', { who: who(data.name) }) } : {}),
  };
}
