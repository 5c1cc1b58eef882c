import { templateError, type TemplateError } from './errors.js';
import { evaluate, type TemplateValue, type TemplateVariables } from './evaluate.js';
import { countChars, DEFAULT_MAX_LENGTH } from './limits.js';
import { parseTemplate, type InlineNode, type LineNode, type VariableUse } from './template-parser.js';

/** Turns a present value into text at substitution time; conditions always see the raw value. */
export type ValueFormatter = (name: string, value: Exclude<TemplateValue, null>) => string;

export interface RenderOptions {
  /** Longest message allowed, in characters. */
  maxLength?: number;
  formatValue?: ValueFormatter;
}

export type RenderResult = { ok: true; text: string } | { ok: false; error: TemplateError };

const plainText: ValueFormatter = (_name, value) => String(value);

/**
 * Walks the parsed template once. Values go straight into the output and the output is never read
 * again, so a value such as "{amount}" or "{{#if ...}}" reaches the customer exactly as typed.
 */
class Renderer {
  missing: VariableUse | null = null;

  constructor(
    private readonly variables: TemplateVariables,
    private readonly format: ValueFormatter,
  ) {}

  lines(nodes: readonly LineNode[], out: string[]): void {
    for (const node of nodes) {
      if (node.kind === 'block') {
        this.lines(evaluate(node.condition, this.variables) ? node.then : node.otherwise, out);
        continue;
      }
      const text = this.parts(node.parts);
      // A line that only existed for its inline #if goes away whole, not as an empty line.
      if (!node.conditional || text.trim() !== '') out.push(text);
    }
  }

  private parts(nodes: readonly InlineNode[]): string {
    let text = '';
    for (const node of nodes) {
      if (node.kind === 'text') text += node.text;
      else if (node.kind === 'placeholder') text += this.value(node.name, node.at);
      else text += this.parts(evaluate(node.condition, this.variables) ? node.then : node.otherwise);
    }
    return text;
  }

  private value(name: string, at: VariableUse['at']): string {
    const value = Object.hasOwn(this.variables, name) ? this.variables[name] : undefined;
    if (value === undefined || value === null) {
      this.missing ??= { name, at };
      return '';
    }
    return this.format(name, value);
  }
}

/** A broadcast renders one template for thousands of customers: parse each text once. */
const PARSE_CACHE_SIZE = 64;
const parsedCache = new Map<string, ReturnType<typeof parseTemplate>>();

function parseCached(content: string): ReturnType<typeof parseTemplate> {
  let parsed = parsedCache.get(content);
  if (parsed === undefined) {
    parsed = parseTemplate(content);
    if (parsedCache.size >= PARSE_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value as string);
    parsedCache.set(content, parsed);
  }
  return parsed;
}

/** Evaluates the conditions, then fills the placeholders of the lines that stay. */
export function renderTemplate(
  content: string,
  variables: TemplateVariables,
  options: RenderOptions = {},
): RenderResult {
  const parsed = parseCached(content);
  const syntax = parsed.errors[0];
  if (syntax !== undefined) return { ok: false, error: syntax };

  const renderer = new Renderer(variables, options.formatValue ?? plainText);
  const out: string[] = [];
  renderer.lines(parsed.lines, out);
  if (renderer.missing !== null) {
    const { name, at } = renderer.missing;
    return {
      ok: false,
      error: templateError('TEMPLATE_VARIABLE_MISSING', 'variableMissing', { name, line: at.line, column: at.column }),
    };
  }

  const text = out.join('\n');
  if (text.trim() === '') return { ok: false, error: templateError('TEMPLATE_EMPTY', 'empty') };
  const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const length = countChars(text);
  if (length > max) return { ok: false, error: templateError('TEMPLATE_TOO_LONG', 'tooLong', { length, max }) };
  return { ok: true, text };
}
