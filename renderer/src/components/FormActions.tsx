import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  busy: boolean;
  /** Shown only in dialogs: a page form has nothing to cancel to. */
  onCancel?: () => void;
  disabled?: boolean;
  testId: string;
}

/** The bar under every form: Batal (in dialogs) and Simpan, which says "Menyimpan…" while the core works. */
export function FormActions({ busy, onCancel, disabled = false, testId }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
      <button type="submit" className="button primary" disabled={disabled || busy} data-testid={testId}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
    </div>
  );
}
