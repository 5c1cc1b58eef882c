import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/billing.js';
import type { printFilterSchema } from '../../../../shared/domain/billing-print.js';
import type { z } from 'zod';
import { call } from '../../api/client.js';
import { PrintDialog } from '../../components/PrintDialog.js';

type PrintFilter = z.input<typeof printFilterSchema>;

interface Props {
  /** The rows chosen with their boxes, in the order chosen. */
  chosen: readonly Invoice[];
  /** The list's filter as it stands: "all matching" prints what it matches, not only the loaded pages. */
  filter: PrintFilter;
  onClear(): void;
}

/** Bulk print over the invoice list: the chosen invoices, or all the filter matches (void ones left out), one per page. */
export function InvoicePrintBar({ chosen, filter, onClear }: Props) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState<'chosen' | 'filtered' | null>(null);
  const ids = chosen.map((i) => i.id);
  return (
    <div className="print-bar" data-testid="invoice-print-bar">
      <button type="button" className="button" disabled={ids.length === 0} onClick={() => setPrinting('chosen')} data-testid="invoice-print-chosen">
        {t('printing.printChosen', { count: ids.length })}
      </button>
      {ids.length > 0 ? (
        <button type="button" className="link-button" onClick={onClear} data-testid="invoice-print-clear">
          {t('printing.clearChosen')}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => setPrinting('filtered')} data-testid="invoice-print-filtered">
        {t('printing.printFiltered')}
      </button>
      {printing ? (
        <PrintDialog
          title={printing === 'chosen' ? t('printing.chosenTitle', { count: ids.length }) : t('printing.filteredTitle')}
          load={(size, format) =>
            call('billing.invoices.printMany', printing === 'chosen' ? { invoiceIds: ids, size, format } : { filter, size, format })
          }
          onClose={() => setPrinting(null)}
          testId="invoice-print-many"
        />
      ) : null}
    </div>
  );
}
