import { useState, type ChangeEvent } from 'react';
import type { AppError, CallResult, FieldErrors } from '../../../shared/contract/errors.js';
import { i18next } from '../i18n/index.js';

type Values = Record<string, string | boolean>;
type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Form values as the user typed them, plus the last error from the core: its message goes on top
 * of the form, its `fields` next to each field. Editing a field clears that field's error.
 */
export function useForm<V extends Values>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  function set<K extends keyof V>(name: K, value: V[K]): void {
    setValues((current) => ({ ...current, [name]: value }));
    setError((current) => {
      if (!current?.fields || !(String(name) in current.fields)) return current;
      const { [String(name)]: _cleared, ...fields } = current.fields;
      return { ...current, fields };
    });
  }

  /** Props for a text input, select or textarea bound to a string field. */
  function text(name: keyof V & string) {
    return {
      name,
      value: String(values[name]),
      'aria-invalid': Boolean(error?.fields?.[name]) || undefined,
      onChange: (e: ChangeEvent<Input>) => set(name, e.target.value as V[typeof name]),
    };
  }

  function checkbox(name: keyof V & string) {
    return {
      name,
      type: 'checkbox' as const,
      checked: Boolean(values[name]),
      onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.checked as V[typeof name]),
    };
  }

  /** Errors found before calling the core (passwords that differ, a latitude that is not a number). */
  function fail(fields: FieldErrors): void {
    setError({ code: 'VALIDATION_FAILED', message: i18next.t('errors.VALIDATION_FAILED'), fields });
  }

  async function submit<T>(run: () => Promise<CallResult<T>>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      if (result.ok) return result.data;
      setError(result.error);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return {
    values,
    set,
    setValues,
    text,
    checkbox,
    error,
    fieldError: (name: string): string | undefined => error?.fields?.[name],
    fail,
    busy,
    submit,
  };
}

export type FormApi = ReturnType<typeof useForm>;
