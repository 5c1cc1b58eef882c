import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText, parseDayText } from './day-text.js';

interface DateInputProps {
  /** ISO yyyy-mm-dd, or '' for no day: the same value <input type="date"> would give. */
  value: string;
  onChange(iso: string): void;
  min?: string | undefined;
  max?: string | undefined;
  label: string;
  testId: string;
  /** A form's handle on the text box (react-hook-form focuses the first wrong field through it). */
  inputRef?: Ref<HTMLInputElement>;
  /** Given by <Field>: the message under the box, and whether the form found the day wrong. */
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}

/**
 * A day typed or picked as dd/mm/yyyy whatever the computer's language. The text box is ours; the
 * calendar button opens the browser's own picker on a hidden date input, so picking still works
 * the way people know. A half-typed day changes nothing until it is a real day.
 */
export function DateInput({ value, onChange, min, max, label, testId, inputRef, 'aria-describedby': describedBy, 'aria-invalid': invalid }: DateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(dayText(value));
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => setText(dayText(value)), [value]);
  const parsed = parseDayText(text);

  return (
    <span className="date-input">
      <input
        ref={inputRef}
        type="text"
        inputMode="numeric"
        placeholder={t('dateInput.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDayText(e.target.value);
          if (iso !== null && iso !== value) onChange(iso);
        }}
        onBlur={() => setText(dayText(value))}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid ?? (parsed === null ? true : undefined)}
        data-testid={testId}
      />
      <button type="button" className="date-input-button" aria-label={t('dateInput.pick', { label })} onClick={() => picker.current?.showPicker()} data-testid={`${testId}-pick`}>
        <svg viewBox="0 0 24 24" width={16} height={16} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2}>
          <path d="M3 5h18v16H3zM3 10h18M8 3v4M16 3v4" />
        </svg>
      </button>
      <input ref={picker} type="date" className="date-input-native" tabIndex={-1} aria-hidden="true" value={value} min={min} max={max} onChange={(e) => onChange(e.target.value)} />
    </span>
  );
}
