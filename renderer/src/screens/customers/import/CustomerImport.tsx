import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../../shared/contract/errors.js';
import { IMPORT_MAX_BYTES, type ImportPreview, type ImportReport } from '../../../../../shared/domain/customer-import.js';
import { call } from '../../../api/client.js';
import { FormError } from '../../../components/FormError.js';
import { Modal } from '../../../components/Modal.js';
import { saveDownload } from '../../../components/save-download.js';
import { useNumberFormat } from '../../../components/use-number-format.js';
import { invalidateMethod } from '../../../query/query-client.js';
import { usePackages } from '../../../stores/data-stores.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportPreviewTable } from './ImportPreviewTable.js';
import { ImportSettings, type ImportChoices } from './ImportSettings.js';
import { uploadFile } from './upload-file.js';

const FRESH: ImportChoices = { sheet: null, mapping: null, packages: {}, defaultPackageId: null, defaultServiceType: null };

type Step = { kind: 'choose' } | { kind: 'preview'; uploadId: string; preview: ImportPreview } | { kind: 'done'; report: ImportReport };

/** A key per press of "Terapkan": the core applies it once however often it arrives (a double click, a retry). */
const requestKey = () => `import-${crypto.randomUUID()}`;

/** Choose a file -> check the mapping and packages -> the dry run's rows -> apply -> the report. */
export function CustomerImport({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const packages = usePackages().data ?? [];
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [choices, setChoices] = useState<ImportChoices>(FRESH);
  const [unknown, setUnknown] = useState<{ name: string; rows: number }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // The latest preview asked for wins: an answer to an older choice is dropped.
  const asked = useRef(0);

  const fail = (e: AppError) => {
    setError(e);
    setBusy(false);
  };

  async function runPreview(uploadId: string, next: ImportChoices) {
    const ticket = ++asked.current;
    setBusy(true);
    const result = await call('customers.import.preview', { uploadId, ...next });
    if (ticket !== asked.current) return;
    if (!result.ok) return fail(result.error);
    setError(null);
    setBusy(false);
    // Names stay listed once decided, so the decision can be changed.
    setUnknown((old) => [...old.filter((o) => !result.data.unknownPackages.some((u) => u.name === o.name)), ...result.data.unknownPackages]);
    setStep({ kind: 'preview', uploadId, preview: result.data });
  }

  async function choose(file: File) {
    setError(null);
    if (file.size > IMPORT_MAX_BYTES) return fail({ code: 'VALIDATION_FAILED', message: t('importErrors.tooLarge', { mb: IMPORT_MAX_BYTES / 1024 / 1024 }) });
    setBusy(true);
    setChoices(FRESH);
    setUnknown([]);
    const uploaded = await uploadFile(file);
    if (!uploaded.ok) return fail(uploaded.error);
    await runPreview(uploaded.uploadId, FRESH);
  }

  function change(next: ImportChoices) {
    setChoices(next);
    if (step.kind === 'preview') void runPreview(step.uploadId, next);
  }

  async function apply(uploadId: string) {
    setBusy(true);
    const result = await call('customers.import.apply', { uploadId, ...choices, requestKey: requestKey() });
    if (!result.ok) return fail(result.error);
    setBusy(false);
    // The customers_imported event refreshes these too; now keeps the screen right if the event socket is down.
    invalidateMethod('customers.list');
    invalidateMethod('packages.list');
    invalidateMethod('customers.import.history');
    setStep({ kind: 'done', report: result.data });
  }

  async function downloadReport(id: string) {
    const file = await call('customers.import.report', { id });
    if (file.ok) saveDownload(file.data);
    else setError(file.error);
  }

  return (
    <Modal title={t('customerImport.title')} onClose={onClose} wide testId="customer-import">
      <FormError error={error} />
      {step.kind === 'choose' ? (
        <div className="import-choose">
          <label className="field">
            <span className="field-label">{t('customerImport.chooseFile')}</span>
            <input
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void choose(file);
              }}
              data-testid="import-file"
            />
            <span className="field-hint">{busy ? t('customerImport.reading') : t('customerImport.chooseHint')}</span>
          </label>
          <ImportHistory onDownload={(id) => void downloadReport(id)} />
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <div className="import-preview" data-testid="import-preview" aria-busy={busy}>
          <ImportSettings preview={step.preview} choices={choices} unknownPackages={unknown} packages={packages} onChange={change} />
          {step.preview.zeroPricePackages.length > 0 ? (
            <p className="field-warning" data-testid="import-zero-price">
              {t('customerImport.zeroPrice', { names: step.preview.zeroPricePackages.join(', ') })}
            </p>
          ) : null}
          <p className="muted" data-testid="import-limit">
            {t('customerImport.limit', { used: formatNumber(step.preview.limit.used), max: formatNumber(step.preview.limit.max) })}
          </p>
          <ImportPreviewTable rows={step.preview.rows} totals={step.preview.totals} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })} disabled={busy} data-testid="import-other-file">
              {t('customerImport.otherFile')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || step.preview.totals.new + step.preview.totals.update === 0}
              onClick={() => void apply(step.uploadId)}
              data-testid="import-apply"
            >
              {busy
                ? t('customerImport.applying')
                : step.preview.totals.new + step.preview.totals.update === 0
                  ? t('customerImport.nothingToApply')
                  : t('customerImport.apply', { new: formatNumber(step.preview.totals.new), update: formatNumber(step.preview.totals.update) })}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'done' ? (
        <div className="import-done" data-testid="import-report">
          <h3>{t('customerImport.doneTitle')}</h3>
          <p data-testid="import-report-summary">
            {t('customerImport.doneSummary', {
              new: formatNumber(step.report.totals.new),
              update: formatNumber(step.report.totals.update),
              unchanged: formatNumber(step.report.totals.unchanged),
              skipped: formatNumber(step.report.totals.skipped),
            })}
            {step.report.packagesCreated.length > 0 ? ` ${t('customerImport.packagesCreated', { names: step.report.packagesCreated.join(', ') })}` : ''}
          </p>
          <ImportPreviewTable rows={step.report.rows} totals={step.report.totals} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void downloadReport(step.report.id)} data-testid="import-download-report">
              {t('customerImport.downloadReport')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })} data-testid="import-again">
              {t('customerImport.otherFile')}
            </button>
            <button type="button" className="button primary" onClick={onClose} data-testid="import-close">
              {t('customerImport.done')}
            </button>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
