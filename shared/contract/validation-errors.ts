import type { z } from 'zod';

/**
 * Maps zod issues to { field: i18n key }. Schemas carry their own keys as messages
 * ('validation.phone'); the generic ones are mapped from the issue kind. Parse with
 * { reportInput: true }: zod omits the input otherwise, and every wrong type would read as missing.
 * Shared: the core answers with these keys, and the renderer's forms check the same schemas first.
 */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (fields[path]) continue;
    fields[path] = issue.message.startsWith('validation.') ? issue.message : genericKey(issue);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] = 'validation.unknownField';
    }
  }
  return fields;
}

/** The key for an issue whose schema set no message of its own. */
export function genericKey(issue: z.core.$ZodIssue): string {
  // A missing enum value is an invalid_value issue, but to the person filling the form it is "required".
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'validation.required';
  switch (issue.code) {
    case 'invalid_type':
      return 'validation.invalidType';
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig';
    case 'too_small':
      return issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    default:
      return 'validation.invalid';
  }
}
