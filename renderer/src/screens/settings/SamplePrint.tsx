import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { PAPER_SIZES, type DocumentKind, type PaperSize } from '../../../../shared/domain/billing-document.js';
import { call } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { PrintPreview } from '../../components/PrintPreview.js';
import { saveDownload } from '../../components/save-download.js';

interface Shown {
  kind: DocumentKind;
  size: PaperSize;
  html: string;
}

/** The sample as it will print. */
function SampleDialog({ shown, onClose }: { shown: Shown; onClose(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);

  async function downloadPdf() {
    const answer = await call('documents.sample.pdf', { kind: shown.kind, size: shown.size });
    if (answer.ok) saveDownload(answer.data);
    else setError(answer.error);
  }

  return (
    <Modal title={t('printProfile.sampleTitle', { paper: t(`printProfile.papers.${shown.size}`) })} onClose={onClose} wide testId="sample-print">
      <FormError error={error} />
      <PrintPreview html={shown.html} size={shown.size} title={t('printProfile.sampleTitle', { paper: shown.size })} onPdf={() => void downloadPdf()} testId="sample" />
    </Modal>
  );
}

/** "Contoh cetak": a sample invoice or receipt with this profile on each paper. */
export function SamplePrint() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('receipt');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function open(size: PaperSize) {
    const answer = await call('documents.sample.html', { kind, size });
    if (answer.ok) setShown({ kind, size, html: answer.data.html });
    else setError(answer.error);
  }

  return (
    <div className="sample-print">
      <h3>{t('printProfile.sample')}</h3>
      <FormError error={error} />
      <div className="print-actions">
        <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)} aria-label={t('printProfile.sampleKind')} data-testid="sample-kind">
          <option value="receipt">{t('printProfile.kinds.receipt')}</option>
          <option value="invoice">{t('printProfile.kinds.invoice')}</option>
        </select>
        {PAPER_SIZES.map((size) => (
          <button key={size} type="button" className="button" onClick={() => void open(size)} data-testid={`sample-${size}`}>
            {t(`printProfile.papers.${size}`)}
          </button>
        ))}
      </div>
      {shown ? <SampleDialog shown={shown} onClose={() => setShown(null)} /> : null}
    </div>
  );
}
