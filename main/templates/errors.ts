import type { TemplateMessageName } from '../../shared/i18n/wa-templates.js';

export type TemplateErrorCode =
  | 'TEMPLATE_SYNTAX'
  | 'TEMPLATE_UNDECLARED_VARIABLE'
  | 'TEMPLATE_INVALID_VARIABLE'
  | 'TEMPLATE_TOO_LONG'
  | 'TEMPLATE_TOO_COMPLEX'
  | 'TEMPLATE_EMPTY'
  | 'TEMPLATE_VARIABLE_MISSING';

export type TemplateErrorParams = Record<string, string | number>;

/** A value, not an exception: the caller turns message_key + params into the user's language. */
export interface TemplateError {
  code: TemplateErrorCode;
  message_key: `waTemplates.${TemplateMessageName}`;
  params: TemplateErrorParams;
}

/** 1-based, as a person reading the template editor counts. */
export interface Position {
  line: number;
  column: number;
}

export function templateError(
  code: TemplateErrorCode,
  name: TemplateMessageName,
  params: TemplateErrorParams = {},
): TemplateError {
  return { code, message_key: `waTemplates.${name}`, params };
}

export function syntaxError(name: TemplateMessageName, at: Position, params: TemplateErrorParams = {}): TemplateError {
  return templateError('TEMPLATE_SYNTAX', name, { ...params, line: at.line, column: at.column });
}

export function complexityError(name: TemplateMessageName, at: Position, max: number): TemplateError {
  return templateError('TEMPLATE_TOO_COMPLEX', name, { line: at.line, column: at.column, max });
}
