import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { AppError, CallResult } from '../../../shared/contract/errors.js';
import { genericKey } from '../../../shared/contract/validation-errors.js';
import { i18next } from '../i18n/index.js';

/**
 * A form checked by the contract's own zod schema (through a form-side schema that turns typed
 * strings into the contract's types), so every wrong field shows in one round, before the core is
 * asked. The core's refusal puts its general message on top and its `fields` on the fields, and
 * focus goes to the first wrong field either way.
 */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: z.input<S>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, { reportInput: true, error: (issue) => genericKey(issue as Parameters<typeof genericKey>[0]) }),
    defaultValues: defaultValues as DefaultValues<z.input<S>>,
    shouldFocusError: true,
  });
  const [serverError, setServerError] = useState<AppError | null>(null);
  const { errors, submitCount } = form.formState;
  const hasFieldErrors = Object.keys(errors).length > 0;

  /** The message under a field: the schema's i18n key translated, or the core's text as it came. */
  function errorOf(name: Path<z.input<S>>): string | undefined {
    const message = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    if (!message) return undefined;
    return message.startsWith('validation.') ? i18next.t(message as 'validation.required') : message;
  }

  /** Runs the call with the parsed input; a refusal lands on the form. Resolves with the saved data or null. */
  function onSubmit<T>(run: (input: z.output<S>) => Promise<CallResult<T>>, onSaved: (data: T) => void) {
    return form.handleSubmit(async (input) => {
      setServerError(null);
      const result = await run(input);
      if (result.ok) {
        onSaved(result.data);
        return;
      }
      setServerError(result.error);
      const fields = Object.entries(result.error.fields ?? {}).filter(([name]) => name !== '_' && name in (defaultValues as object));
      fields.forEach(([name, message], index) => form.setError(name as Path<z.input<S>>, { type: 'server', message }, { shouldFocus: index === 0 }));
    });
  }

  // One message on top, one live region: the core's refusal, or "some fields are not right" for ours.
  const formError: AppError | null =
    serverError ?? (hasFieldErrors && submitCount > 0 ? { code: 'VALIDATION_FAILED', message: i18next.t('errors.VALIDATION_FAILED') } : null);

  return { ...form, errorOf, onSubmit, formError, busy: form.formState.isSubmitting };
}
