import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice, Payment } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { PrintDialog } from '../../components/PrintDialog.js';

/** "Cetak tagihan" on an invoice: printing reads only, so it stays while the panel is locked. */
export function PrintInvoice({ invoice }: { invoice: Pick<Invoice, 'id' | 'number'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="invoice-print">
        {t('printing.printInvoice')}
      </button>
      {open ? (
        <PrintDialog
          title={t('printing.invoiceTitle', { number: invoice.number })}
          load={(size, format) => call('billing.invoices.print', { invoiceId: invoice.id, size, format })}
          onClose={() => setOpen(false)}
          testId="invoice-print-dialog"
        />
      ) : null}
    </>
  );
}

interface ReceiptProps {
  payment: Pick<Payment, 'id' | 'amount'>;
  name: string;
  /** The history's small "Cetak ulang" in a row, or the payment screen's "Cetak kuitansi". */
  reprint?: boolean;
}

/** A payment's receipt: right after it is recorded, or again from the history. */
export function PrintReceipt({ payment, name, reprint }: ReceiptProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const amount = formatRupiah(payment.amount);
  return (
    <>
      <button
        type="button"
        className={reprint ? 'button small' : 'button primary'}
        onClick={() => setOpen(true)}
        aria-label={reprint ? t('printing.reprintLabel', { name, amount }) : undefined}
        data-testid={reprint ? 'payment-reprint' : 'pay-receipt'}
      >
        {reprint ? t('printing.reprint') : t('printing.printReceipt')}
      </button>
      {open ? (
        <PrintDialog
          title={t('printing.receiptTitle', { name, amount })}
          load={(size, format) => call('billing.payments.receipt', { paymentId: payment.id, size, format })}
          onClose={() => setOpen(false)}
          testId="receipt-print-dialog"
        />
      ) : null}
    </>
  );
}
