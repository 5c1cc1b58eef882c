import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSize } from '../../../shared/domain/billing-document.js';
import { fitRollLength } from './roll-length.js';

interface Props {
  /** The core's print HTML: self-contained, sized by its own @page for the paper. */
  html: string;
  size: PaperSize;
  title: string;
  onPdf(): void;
  /** Prefix of the parts' test ids: `${testId}-frame`, `${testId}-pdf`, `${testId}-print-button`. */
  testId: string;
}

/**
 * The paper as it will print, in a frame the width of the paper; Cetak prints the frame alone
 * (its own window's print(), so the console around it never reaches the printer). Shared by the
 * sample print in Settings and every invoice and receipt.
 */
export function PrintPreview({ html, size, title, onPdf, testId }: Props) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (doc) fitRollLength(doc);
  };
  return (
    <>
      <iframe ref={frame} className={`paper paper-${size}`} srcDoc={html} title={title} onLoad={fit} data-testid={`${testId}-frame`} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onPdf} data-testid={`${testId}-pdf`}>
          {t('printProfile.downloadPdf')}
        </button>
        <button type="button" className="button primary" onClick={() => {
            fit();
            frame.current?.contentWindow?.print();
          }} data-testid={`${testId}-print-button`}>
          {t('printProfile.print')}
        </button>
      </div>
    </>
  );
}
