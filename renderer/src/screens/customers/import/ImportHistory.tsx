import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../shared/util/time.js';
import { useMethodQuery } from '../../../query/use-method-query.js';
import { useLocale } from '../../../stores/locale-store.js';
import { useTenant } from '../../../stores/tenant-store.js';

/** The imports applied so far: who, when, which file, what became of its rows; each report downloadable again. */
export function ImportHistory({ onDownload }: { onDownload(id: string): void }) {
  const { t } = useTranslation();
  const history = useMethodQuery('customers.import.history', {});
  const zone = useTenant((s) => s.tenant?.timezone ?? 'Asia/Jakarta');
  const locale = useLocale((s) => s.locale);
  const items = history.data ?? [];
  return (
    <section className="form-section" data-testid="import-history">
      <h3>{t('customerImport.history')}</h3>
      {items.length === 0 ? <p className="muted">{t('customerImport.historyEmpty')}</p> : null}
      <ul className="import-history">
        {items.map((item) => (
          <li key={item.id} data-testid="import-history-item">
            <span>{t('customerImport.historyItem', { file: item.fileName, user: item.userName, when: formatDateTime(item.createdAt, zone, locale) })}</span>
            <span className="muted">
              {t('customerImport.doneSummary', { new: item.totals.new, update: item.totals.update, unchanged: item.totals.unchanged, skipped: item.totals.skipped })}
            </span>
            <button type="button" className="link-button" onClick={() => onDownload(item.id)}>
              {t('customerImport.downloadReport')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
