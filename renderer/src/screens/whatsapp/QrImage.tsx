import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SIZE = 264;

/** Draws the pairing text as a QR picture; a new text (WhatsApp renews it every ~20 s) redraws it. */
export function QrImage({ text }: { text: string }) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<{ text: string; url: string } | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toDataURL(text, { width: SIZE, margin: 2, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (current) setDrawn({ text, url });
      },
      () => {
        if (current) setDrawn(null);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  // An old code would fail when scanned: show nothing rather than the previous picture.
  if (drawn?.text !== text) return <div className="wa-qr-placeholder" style={{ width: SIZE, height: SIZE }} />;
  return <img className="wa-qr" src={drawn.url} width={SIZE} height={SIZE} alt={t('whatsapp.qrAlt')} data-testid="wa-qr" />;
}
