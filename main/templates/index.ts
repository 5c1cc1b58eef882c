/**
 * WhatsApp message templates: `{name}` placeholders plus a line-conditional DSL
 * (`{{#if exists(payment_url)}}...{{/if}}`). Pure functions: no I/O, errors returned as values.
 */
export { SYSTEM_TEMPLATES, type SystemTemplate } from './catalog.js';
export type { TemplateError, TemplateErrorCode, TemplateErrorParams } from './errors.js';
export type { TemplateValue, TemplateVariables } from './evaluate.js';
export { createValueFormatter, type FormatOptions } from './format.js';
export { DEFAULT_MAX_LENGTH, HARD_MAX_TEMPLATE_LENGTH } from './limits.js';
export type { TemplateMessageName } from '../../shared/i18n/wa-templates.js';
export { extractPlaceholders } from './placeholders.js';
export { renderTemplate, type RenderOptions, type RenderResult, type ValueFormatter } from './render.js';
export { validateTemplate, type ValidateOptions, type ValidateResult } from './validate.js';
export { isVariableName } from './variable-name.js';
export { templatesModule } from './templates-module.js';
