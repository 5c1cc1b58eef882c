import type { Download, ImportReport } from '../../../shared/domain/customer-import.js';
import type { Locale } from '../../../shared/domain/user.js';
import { translate } from '../../../shared/i18n/index.js';
import { formatPhoneLocal } from '../../../shared/util/phone.js';
import { excelText, writeCsv } from '../../../shared/util/csv.js';

const COLUMNS = ['line', 'outcome', 'reason', 'name', 'phone', 'username', 'package', 'changes'] as const;

/** An applied import's report as a CSV the operator keeps or fixes the skipped rows from: each row of the file, what became of it and why. */
export function reportFile(report: ImportReport, locale: Locale): Download {
  const t = (key: string) => translate(locale, key);
  const rows = report.rows.map((r) => [
    r.line,
    t(`importOutcomes.${r.outcome}`),
    r.reason === null ? '' : t(`importReasons.${r.reason}`),
    r.name,
    r.phone === '' ? '' : excelText(formatPhoneLocal(r.phone)),
    r.username,
    r.packageName,
    r.changes.map((f) => t(`importFields.${f}`)).join(', '),
  ]);
  const data = writeCsv([COLUMNS.map((c) => t(`importReport.${c}`)), ...rows], locale === 'id' ? ';' : ',');
  const stem = report.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `${t('importReport.fileName')}-${stem}.csv`, mimeType: 'text/csv', data: Buffer.from(data, 'utf8').toString('base64') };
}
