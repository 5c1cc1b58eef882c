import { MAX_VARIABLE_NAME_LENGTH } from './limits.js';

function isLowerLetter(ch: string): boolean {
  return ch >= 'a' && ch <= 'z';
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Lower snake case (`due_date`, `amount2`): one spelling per variable, so `{Name}` cannot shadow `{name}`. */
export function isVariableName(text: string): boolean {
  if (text.length === 0 || text.length > MAX_VARIABLE_NAME_LENGTH || !isLowerLetter(text[0] ?? '')) return false;
  for (const ch of text) {
    if (!isLowerLetter(ch) && !isDigit(ch) && ch !== '_') return false;
  }
  return true;
}
