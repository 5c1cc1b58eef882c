import type { TemplateErrorParams } from './errors.js';
import { tokenize, type ExpressionError, type Token } from './expression-tokenizer.js';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_LENGTH } from './limits.js';
import type { TemplateMessageName } from '../../shared/i18n/wa-templates.js';
import { isVariableName } from './variable-name.js';

export interface VariableRef {
  name: string;
  /** 0-based, in the condition text. */
  offset: number;
}

export type Operand =
  | { kind: 'variable'; ref: VariableRef }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number };

export type TestFunction = 'exists' | 'notExists' | 'isValidUrl' | 'isTrue';
export type CompareFunction = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

export type Condition =
  | { kind: 'and' | 'or'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition }
  | { kind: 'test'; fn: TestFunction; variable: VariableRef }
  | { kind: 'compare'; fn: CompareFunction; variable: VariableRef; operand: Operand };

type FunctionShape = 'logic' | 'not' | 'test' | 'equality' | 'order';

const FUNCTIONS: Readonly<Record<string, FunctionShape>> = {
  exists: 'test',
  notExists: 'test',
  isValidUrl: 'test',
  isTrue: 'test',
  eq: 'equality',
  ne: 'equality',
  gt: 'order',
  gte: 'order',
  lt: 'order',
  lte: 'order',
  and: 'logic',
  or: 'logic',
  not: 'not',
};
const KNOWN_FUNCTIONS = Object.keys(FUNCTIONS).join(', ');

export type ConditionResult = { ok: true; condition: Condition } | { ok: false; error: ExpressionError };

/** Unwinds the recursion at the first mistake; never escapes parseCondition. */
class ParseFailure extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.name);
  }
}

function fail(name: TemplateMessageName, token: Token, params: TemplateErrorParams = {}): never {
  throw new ParseFailure({ code: 'TEMPLATE_SYNTAX', name, offset: token.offset, params });
}

/**
 * Recursive descent over a fixed grammar: every condition is a call of a known function, so there is
 * no operator precedence to get wrong and no way to reach anything but the functions listed above.
 */
class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Condition {
    const condition = this.condition(1);
    const rest = this.peek();
    if (rest.kind !== 'end') fail('trailingInput', rest, { found: rest.text });
    return condition;
  }

  private peek(): Token {
    // The tokenizer always ends the list with an 'end' token, and next() never moves past it.
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isSymbol(token: Token, symbol: string): boolean {
    return token.kind === 'symbol' && token.text === symbol;
  }

  private expect(symbol: '(' | ')' | ','): void {
    const token = this.next();
    if (this.isSymbol(token, symbol)) return;
    if (token.kind === 'end') fail('unexpectedEnd', token);
    fail('expectedSymbol', token, { symbol, found: token.text });
  }

  private condition(depth: number): Condition {
    const token = this.next();
    if (token.kind === 'end') fail('unexpectedEnd', token);
    if (token.kind !== 'ident') fail('expectedCondition', token, { found: token.text });
    const shape = Object.hasOwn(FUNCTIONS, token.text) ? FUNCTIONS[token.text] : undefined;
    if (shape === undefined) fail('unknownFunction', token, { name: token.text, known: KNOWN_FUNCTIONS });
    if (depth > MAX_CONDITION_DEPTH) {
      throw new ParseFailure({
        code: 'TEMPLATE_TOO_COMPLEX',
        name: 'conditionTooDeep',
        offset: token.offset,
        params: { max: MAX_CONDITION_DEPTH },
      });
    }
    this.expect('(');
    const fn = token.text;
    let condition: Condition;
    switch (shape) {
      case 'logic': {
        const conditions = [this.condition(depth + 1)];
        while (this.isSymbol(this.peek(), ',')) {
          this.next();
          conditions.push(this.condition(depth + 1));
        }
        if (conditions.length < 2) fail('tooFewArguments', token, { function: fn, min: 2 });
        condition = { kind: fn as 'and' | 'or', conditions };
        break;
      }
      case 'not':
        condition = { kind: 'not', condition: this.condition(depth + 1) };
        break;
      case 'test':
        condition = { kind: 'test', fn: fn as TestFunction, variable: this.variable(fn) };
        break;
      case 'equality':
      case 'order': {
        const variable = this.variable(fn);
        this.expect(',');
        const operand = this.operand(fn, shape === 'order');
        condition = { kind: 'compare', fn: fn as CompareFunction, variable, operand };
        break;
      }
    }
    this.expect(')');
    return condition;
  }

  private variable(fn: string): VariableRef {
    const token = this.next();
    if (token.kind === 'end') fail('unexpectedEnd', token);
    if (token.kind !== 'ident' || this.isSymbol(this.peek(), '(')) {
      fail('expectedVariable', token, { function: fn, found: token.text });
    }
    if (!isVariableName(token.text)) fail('badVariableName', token, { name: token.text });
    return { name: token.text, offset: token.offset };
  }

  private operand(fn: string, numeric: boolean): Operand {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return { kind: 'number', value: token.value };
    }
    if (token.kind === 'string' && !numeric) {
      this.next();
      return { kind: 'string', value: token.value };
    }
    if (token.kind === 'ident') return { kind: 'variable', ref: this.variable(fn) };
    if (token.kind === 'end') fail('unexpectedEnd', token);
    fail(numeric ? 'expectedNumber' : 'expectedValue', token, { function: fn, found: token.text });
  }
}

/** Parses the text between `{{#if` and `}}`, refusing oversized input before reading it. */
export function parseCondition(source: string): ConditionResult {
  if (source.length > MAX_CONDITION_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'TEMPLATE_TOO_COMPLEX',
        name: 'conditionTooLong',
        offset: 0,
        params: { max: MAX_CONDITION_LENGTH },
      },
    };
  }
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  try {
    return { ok: true, condition: new Parser(tokens.tokens).parse() };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    throw err;
  }
}

/** Every variable a condition reads, so saving a template can check them against the declared list. */
export function conditionVariables(condition: Condition): VariableRef[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return condition.conditions.flatMap(conditionVariables);
    case 'not':
      return conditionVariables(condition.condition);
    case 'test':
      return [condition.variable];
    case 'compare':
      return condition.operand.kind === 'variable'
        ? [condition.variable, condition.operand.ref]
        : [condition.variable];
  }
}
