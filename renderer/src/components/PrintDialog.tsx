import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, CallResult } from '../../../shared/contract/errors.js';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/billing-document.js';
import type { Printed } from '../../../shared/domain/billing-print.js';
import { usePaper } from '../stores/paper-store.js';
import { FormError } from './FormError.js';
import { Modal } from './Modal.js';
import { PrintPreview } from './PrintPreview.js';
import { saveDownload } from './save-download.js';

/** Asks the core for the document on a paper, as print HTML (preview and print) or as a PDF (download). */
export type PrintLoader = (size: PaperSize, format: Printed['format']) => Promise<CallResult<Printed>>;

interface Props {
  title: string;
  load: PrintLoader;
  onClose(): void;
  testId: string;
}

/**
 * An invoice, a receipt or many invoices on paper: the paper picker (remembered on this computer),
 * the preview, Cetak and Unduh PDF.
 */
export function PrintDialog({ title, load, onClose, testId }: Props) {
  const { t } = useTranslation();
  const paper = usePaper((s) => s.paper);
  const setPaper = usePaper((s) => s.setPaper);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // The caller's loader is a new function each render; the preview follows the paper only.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    let current = true;
    setHtml(null);
    setError(null);
    void loader.current(paper, 'html').then((answer) => {
      if (!current) return;
      if (!answer.ok) setError(answer.error);
      else if (answer.data.format === 'html') setHtml(answer.data.html);
    });
    return () => {
      current = false;
    };
  }, [paper]);

  async function downloadPdf() {
    const answer = await loader.current(paper, 'pdf');
    if (!answer.ok) setError(answer.error);
    else if (answer.data.format === 'pdf') saveDownload(answer.data);
  }

  return (
    <Modal title={title} onClose={onClose} wide testId={testId}>
      <div className="print-actions" role="group" aria-label={t('printing.paper')}>
        <span className="field-label">{t('printing.paper')}</span>
        {PAPER_SIZES.map((size) => (
          <button
            key={size}
            type="button"
            className={`button small${size === paper ? ' primary' : ''}`}
            aria-pressed={size === paper}
            onClick={() => setPaper(size)}
            data-testid={`${testId}-paper-${size}`}
          >
            {t(`printProfile.papers.${size}`)}
          </button>
        ))}
        <span className="muted">{t('printing.paperRemembered')}</span>
      </div>
      <FormError error={error} />
      {html !== null ? (
        <PrintPreview html={html} size={paper} title={title} onPdf={() => void downloadPdf()} testId={testId} />
      ) : error === null ? (
        <p className="muted" data-testid={`${testId}-loading`}>
          {t('common.loading')}
        </p>
      ) : null}
    </Modal>
  );
}
