import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  /** The field's name in the contract: error-<name> is the test id of its message. */
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

/** A labelled control with its hint, and the core's message for it right below when it is wrong. */
export function Field({ name, label, error, hint, optional, className, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <label className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <span className="field-label">
        {label}
        {optional ? <span className="field-optional"> ({t('common.optional')})</span> : null}
      </span>
      {children}
      {error ? (
        <span className="field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </label>
  );
}
