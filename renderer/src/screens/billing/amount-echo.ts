import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../shared/util/money.js';
import { parseRupiah } from '../../components/rupiah-text.js';

/** Under an amount box: what was typed or pasted, read back as rupiah ("= Rp 50.000"), or how to write it. */
export function useAmountEcho(): (typed: string) => string {
  const { t } = useTranslation();
  return (typed) => {
    const amount = typed.trim() === '' ? null : parseRupiah(typed);
    return amount === null ? t('billingSettings.amountHint') : `= ${formatRupiah(amount)}`;
  };
}
