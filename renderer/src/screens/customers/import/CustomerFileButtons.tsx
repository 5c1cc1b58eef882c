import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.js';
import { saveDownload } from '../../../components/save-download.js';
import { useCustomerFilters } from '../../../stores/customer-filters-store.js';
import { toast } from '../../../stores/toast-store.js';
import { CustomerImport } from './CustomerImport.js';

/** "Impor" and "Ekspor" on the customer list: the export is the list as filtered now. */
export function CustomerFileButtons({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const { query, status, packageId, area } = useCustomerFilters();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  async function exportAs(format: 'csv' | 'xlsx') {
    setExporting(true);
    const result = await call('customers.export', { format, query, status, packageId, area });
    setExporting(false);
    if (!result.ok) return toast(result.error.message);
    saveDownload(result.data);
    toast(t('customerImport.exported', { file: result.data.fileName }));
  }

  return (
    <>
      <button type="button" className="button" disabled={locked} onClick={() => setImporting(true)} data-testid="customer-import-open">
        {t('customerImport.open')}
      </button>
      <button type="button" className="button" disabled={exporting} title={t('customerImport.exportHint')} onClick={() => void exportAs('csv')} data-testid="customer-export-csv">
        {t('customerImport.exportCsv')}
      </button>
      <button type="button" className="button" disabled={exporting} title={t('customerImport.exportHint')} onClick={() => void exportAs('xlsx')} data-testid="customer-export-xlsx">
        {t('customerImport.exportXlsx')}
      </button>
      {importing ? <CustomerImport onClose={() => setImporting(false)} /> : null}
    </>
  );
}
