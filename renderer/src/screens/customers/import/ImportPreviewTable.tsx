import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_OUTCOMES, type ImportOutcome, type ImportRow, type ImportTotals } from '../../../../../shared/domain/customer-import.js';
import { formatPhoneLocal } from '../../../../../shared/util/phone.js';
import { useNumberFormat } from '../../../components/use-number-format.js';

/** Enough rows to check a file by eye; the filter narrows 20,000 rows to the ones that need a look. */
const SHOWN = 300;
type Filter = ImportOutcome | 'all';

/** The dry run's (or the report's) rows, filtered by what becomes of them, each skipped one with its reason. */
export function ImportPreviewTable({ rows, totals }: { rows: readonly ImportRow[]; totals: ImportTotals }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  // The skipped rows are what needs the operator: shown first when there are any.
  const [filter, setFilter] = useState<Filter>(totals.skipped > 0 ? 'skipped' : 'all');
  const filtered = useMemo(() => (filter === 'all' ? rows : rows.filter((r) => r.outcome === filter)), [rows, filter]);
  const counts: Record<Filter, number> = { all: rows.length, ...totals };
  return (
    <>
      <div className="segmented segmented-light import-filter" role="group" aria-label={t('customerImport.filter')}>
        {(['all', ...IMPORT_OUTCOMES] as const).map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`import-filter-${f}`}>
            {t(`customerImport.filter_${f}`, { count: formatNumber(counts[f]) })}
          </button>
        ))}
      </div>
      <div className="import-table">
        <table className="table compact" data-testid="import-preview-table">
          <thead>
            <tr>
              <th className="num">{t('customerImport.colLine')}</th>
              <th>{t('customerImport.colOutcome')}</th>
              <th>{t('customerImport.colName')}</th>
              <th>{t('customerImport.colPhone')}</th>
              <th>{t('customerImport.colUsername')}</th>
              <th>{t('customerImport.colPackage')}</th>
              <th>{t('customerImport.colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, SHOWN).map((r) => (
              <tr key={r.line} data-testid="import-row" data-outcome={r.outcome}>
                <td className="num">{r.line}</td>
                <td>
                  <span className={`badge import-${r.outcome}`}>{t(`importOutcomes.${r.outcome}`)}</span>
                </td>
                <td>{r.name}</td>
                <td className="mono nowrap">{r.phone === '' ? '' : formatPhoneLocal(r.phone)}</td>
                <td className="mono">{r.username}</td>
                <td>{r.packageName}</td>
                <td>
                  {r.reason !== null
                    ? t(`importReasons.${r.reason}`)
                    : r.changes.length > 0
                      ? t('customerImport.changed', { fields: r.changes.map((f) => t(`importFields.${f}`)).join(', ') })
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filtered.length > SHOWN ? (
        <p className="muted">{t('customerImport.shownRows', { shown: formatNumber(SHOWN), total: formatNumber(filtered.length) })}</p>
      ) : null}
    </>
  );
}
