import { parseTemplate, type VariableUse } from './template-parser.js';

/** Names in order of first use, each once. */
export function uniqueNames(uses: readonly VariableUse[]): string[] {
  return [...new Set(uses.map((use) => use.name))];
}

/**
 * The `{name}` placeholders of a template, in order of first use. Variables read only by `{{#if}}`
 * conditions are not placeholders; validateTemplate checks those too. Malformed braces are skipped.
 */
export function extractPlaceholders(content: string): string[] {
  return uniqueNames(parseTemplate(content).placeholders);
}
