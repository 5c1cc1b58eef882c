import { templateError, type TemplateError } from './errors.js';
import { countChars, DEFAULT_MAX_LENGTH, HARD_MAX_TEMPLATE_LENGTH, MAX_REPORTED_ERRORS } from './limits.js';
import { uniqueNames } from './placeholders.js';
import { parseTemplate, type VariableUse } from './template-parser.js';
import { isVariableName } from './variable-name.js';

export interface ValidateOptions {
  /** Longest template allowed, in characters, tags included. Capped at HARD_MAX_TEMPLATE_LENGTH. */
  maxLength?: number;
}

export type ValidateResult =
  | { ok: true; /** Every variable the template reads, in order of first use. */ variables: string[] }
  | { ok: false; errors: TemplateError[] };

function byPosition(a: VariableUse, b: VariableUse): number {
  return a.at.line - b.at.line || a.at.column - b.at.column;
}

/**
 * The check before a template is saved: all problems at once, so the editor can mark each of them.
 * Every variable a template reads, in a placeholder or a condition, must be declared.
 */
export function validateTemplate(
  content: string,
  declaredVariables: readonly string[],
  options: ValidateOptions = {},
): ValidateResult {
  const errors: TemplateError[] = [];
  for (const name of declaredVariables) {
    if (!isVariableName(name)) errors.push(templateError('TEMPLATE_INVALID_VARIABLE', 'invalidVariableName', { name }));
  }
  if (content.trim() === '') return { ok: false, errors: [...errors, templateError('TEMPLATE_EMPTY', 'empty')] };

  const max = Math.min(options.maxLength ?? DEFAULT_MAX_LENGTH, HARD_MAX_TEMPLATE_LENGTH);
  const length = countChars(content);
  if (length > max) {
    errors.push(templateError('TEMPLATE_TOO_LONG', 'tooLong', { length, max }));
    // Past the hard cap the parser would not look inside anyway.
    if (content.length > HARD_MAX_TEMPLATE_LENGTH) return { ok: false, errors };
  }

  const parsed = parseTemplate(content);
  errors.push(...parsed.errors);
  const uses = [...parsed.placeholders, ...parsed.conditionVariables].sort(byPosition);
  const declared = new Set(declaredVariables);
  const reported = new Set<string>();
  for (const { name, at } of uses) {
    if (declared.has(name) || reported.has(name)) continue;
    reported.add(name);
    const params = { name, line: at.line, column: at.column };
    errors.push(templateError('TEMPLATE_UNDECLARED_VARIABLE', 'undeclaredVariable', params));
  }

  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, variables: uniqueNames(uses) };
}
