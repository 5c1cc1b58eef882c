import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  /** The field's name in the contract: error-<name> is the test id of its message. */
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Something to check that does not stop saving (a phone another customer has): shown instead of the hint. */
  warning?: string | undefined;
  optional?: boolean;
  className?: string;
  /** The one control: it is told which message describes it and whether it is wrong. */
  children: ReactNode;
}

/**
 * A labelled control with its hint, and the message for it right below when it is wrong. The
 * message is tied to the control (aria-describedby) so a screen reader reads it on focus; it is not
 * a live region of its own: the form's one summary on top announces that something is wrong.
 */
export function Field({ name, label, error, hint, warning, optional, className, children }: FieldProps) {
  const { t } = useTranslation();
  const messageId = useId();
  const described = error || warning || hint ? messageId : undefined;
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-describedby': described, 'aria-invalid': error ? true : undefined })
    : children;
  return (
    <label className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <span className="field-label">
        {label}
        {optional ? <span className="field-optional"> ({t('common.optional')})</span> : null}
      </span>
      {control}
      {error ? (
        <span className="field-error" id={messageId} data-testid={`error-${name}`}>
          {error}
        </span>
      ) : warning ? (
        <span className="field-warning" id={messageId} data-testid={`warning-${name}`}>
          {warning}
        </span>
      ) : hint ? (
        <span className="field-hint" id={messageId}>
          {hint}
        </span>
      ) : null}
    </label>
  );
}
