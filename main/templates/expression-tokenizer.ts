import type { TemplateErrorCode, TemplateErrorParams } from './errors.js';
import type { TemplateMessageName } from '../../shared/i18n/wa-templates.js';

export type Token =
  | { kind: 'ident'; text: string; offset: number }
  | { kind: 'number'; value: number; text: string; offset: number }
  | { kind: 'string'; value: string; text: string; offset: number }
  | { kind: 'symbol'; text: '(' | ')' | ','; offset: number }
  | { kind: 'end'; text: ''; offset: number };

/** Where in the condition text (0-based offset) and what went wrong; the template parser adds line and column. */
export interface ExpressionError {
  code: Extract<TemplateErrorCode, 'TEMPLATE_SYNTAX' | 'TEMPLATE_TOO_COMPLEX'>;
  name: TemplateMessageName;
  offset: number;
  params: TemplateErrorParams;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

/** More digits than this lose precision as a JS number; no rupiah amount needs them. */
const MAX_NUMBER_DIGITS = 15;

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isIdentStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

function isIdentPart(ch: string): boolean {
  return isIdentStart(ch) || isDigit(ch);
}

/**
 * What may not follow a number's digits. Integers only: "150.000" and "150,000" are how people here
 * write 150000, and "10rb" means 10000, so the whole run is refused rather than guessed.
 */
function continuesNumber(source: string, index: number): boolean {
  const ch = source[index] ?? '';
  return isIdentPart(ch) || ch === '.' || (ch === ',' && isDigit(source[index + 1] ?? ''));
}

function syntax(name: TemplateMessageName, offset: number, params: TemplateErrorParams = {}): TokenizeResult {
  return { ok: false, error: { code: 'TEMPLATE_SYNTAX', name, offset, params } };
}

/** Hand-written and single pass: user text is only ever read character by character, never executed. */
export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === ' ' || ch === '\t') {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'symbol', text: ch, offset: i });
      i += 1;
    } else if (isIdentStart(ch)) {
      const start = i;
      while (i < source.length && isIdentPart(source[i] ?? '')) i += 1;
      tokens.push({ kind: 'ident', text: source.slice(start, i), offset: start });
    } else if (isDigit(ch) || (ch === '-' && isDigit(source[i + 1] ?? ''))) {
      const start = i;
      i += 1;
      while (i < source.length && isDigit(source[i] ?? '')) i += 1;
      let end = i;
      while (end < source.length && continuesNumber(source, end)) end += 1;
      const text = source.slice(start, end);
      if (end !== i || i - start > MAX_NUMBER_DIGITS) return syntax('badNumber', start, { text });
      tokens.push({ kind: 'number', value: Number(text), text, offset: start });
    } else if (ch === "'" || ch === '"') {
      const start = i;
      let value = '';
      i += 1;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\' && i + 1 < source.length) i += 1;
        value += source[i] ?? '';
        i += 1;
      }
      if (i >= source.length) return syntax('unterminatedString', start);
      i += 1;
      tokens.push({ kind: 'string', value, text: source.slice(start, i), offset: start });
    } else {
      return syntax('unexpectedChar', i, { char: String.fromCodePoint(source.codePointAt(i) ?? 0) });
    }
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return { ok: true, tokens };
}
