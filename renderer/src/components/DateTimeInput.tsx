import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from './DateInput.js';
import { parseClockText } from './day-text.js';

interface DateTimeInputProps {
  /** yyyy-mm-ddThh:mm, or '' for none: what <input type="datetime-local"> would give. */
  value: string;
  onChange(value: string): void;
  label: string;
  testId: string;
}

/**
 * A day as dd/mm/yyyy and a time as 24-hour hh:mm, whatever the computer's language: the browser's
 * datetime box follows the computer's locale instead (mm/dd/yyyy and AM/PM on an English Windows).
 * A day without a time is incomplete (the form says so) rather than silently midnight, inside quiet hours.
 */
export function DateTimeInput({ value, onChange, label, testId }: DateTimeInputProps) {
  const { t } = useTranslation();
  const [day = '', clock = ''] = value.split('T');
  const [clockText, setClockText] = useState(clock);
  useEffect(() => setClockText(clock), [clock]);
  const parsedClock = parseClockText(clockText);

  const emit = (nextDay: string, nextClock: string) => onChange(nextDay === '' ? '' : `${nextDay}T${nextClock}`);

  return (
    <span className="date-time-input">
      <DateInput value={day} onChange={(d) => emit(d, clock)} label={label} testId={`${testId}-day`} />
      <input
        type="text"
        inputMode="numeric"
        className="time-text"
        placeholder={t('dateInput.timePlaceholder')}
        value={clockText}
        onChange={(e) => {
          setClockText(e.target.value);
          const next = parseClockText(e.target.value);
          if (next !== null && day !== '') emit(day, next);
        }}
        onBlur={() => setClockText(clock)}
        aria-label={t('dateInput.time', { label })}
        aria-invalid={parsedClock === null ? true : undefined}
        data-testid={`${testId}-time`}
      />
    </span>
  );
}
