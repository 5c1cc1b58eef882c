import type { CompareFunction, Condition, Operand, TestFunction } from './expression-parser.js';

export type TemplateValue = string | number | boolean | null;
export type TemplateVariables = Readonly<Record<string, TemplateValue | undefined>>;

const TRUE_WORDS = new Set(['true', '1', 'ya', 'yes']);

function lookup(variables: TemplateVariables, name: string): TemplateValue | undefined {
  // Own keys only: a variable named "constructor" must not find Object.prototype's.
  return Object.hasOwn(variables, name) ? variables[name] : undefined;
}

function exists(value: TemplateValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * Strings count as numbers only when they are plain integers: "150.000" is Indonesian for one hundred
 * fifty thousand, and reading it as 150 would make gt(amount, 100000) quietly wrong.
 */
function toNumber(value: TemplateValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (digits === '') return null;
  for (const ch of digits) {
    if (ch < '0' || ch > '9') return null;
  }
  return Number(text);
}

function toText(value: TemplateValue | undefined): string | null {
  return value === undefined || value === null ? null : String(value);
}

function isValidUrl(value: TemplateValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && value.trim() === value;
  } catch {
    return false;
  }
}

function isTrue(value: TemplateValue | undefined): boolean {
  return exists(value) && TRUE_WORDS.has(String(value).trim().toLowerCase());
}

/** Numbers compare as numbers when both sides are numbers, otherwise as exact text. */
function equals(left: TemplateValue | undefined, operand: Operand, variables: TemplateVariables): boolean {
  const right = operand.kind === 'variable' ? lookup(variables, operand.ref.name) : operand.value;
  if (operand.kind !== 'string') {
    const a = toNumber(left);
    const b = toNumber(right);
    if (a !== null && b !== null) return a === b;
    if (operand.kind === 'number') return false;
  }
  const a = toText(left);
  return a !== null && a === toText(right);
}

function compareNumbers(
  left: TemplateValue | undefined,
  operand: Operand,
  variables: TemplateVariables,
): number | null {
  const right = operand.kind === 'variable' ? lookup(variables, operand.ref.name) : operand.value;
  const a = toNumber(left);
  const b = toNumber(right);
  return a === null || b === null ? null : a - b;
}

function test(fn: TestFunction, value: TemplateValue | undefined): boolean {
  switch (fn) {
    case 'exists':
      return exists(value);
    case 'notExists':
      return !exists(value);
    case 'isValidUrl':
      return isValidUrl(value);
    case 'isTrue':
      return isTrue(value);
  }
}

function compare(
  fn: CompareFunction,
  value: TemplateValue | undefined,
  operand: Operand,
  variables: TemplateVariables,
): boolean {
  if (fn === 'eq') return equals(value, operand, variables);
  if (fn === 'ne') return !equals(value, operand, variables);
  const difference = compareNumbers(value, operand, variables);
  if (difference === null) return false;
  switch (fn) {
    case 'gt':
      return difference > 0;
    case 'gte':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'lte':
      return difference <= 0;
  }
}

/**
 * Missing values never throw: a condition about an absent variable is simply false (or true for
 * notExists/ne), which is what lets an optional line drop out.
 */
export function evaluate(condition: Condition, variables: TemplateVariables): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.conditions.every((c) => evaluate(c, variables));
    case 'or':
      return condition.conditions.some((c) => evaluate(c, variables));
    case 'not':
      return !evaluate(condition.condition, variables);
    case 'test':
      return test(condition.fn, lookup(variables, condition.variable.name));
    case 'compare':
      return compare(condition.fn, lookup(variables, condition.variable.name), condition.operand, variables);
  }
}
