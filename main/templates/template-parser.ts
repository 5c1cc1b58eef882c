import {
  complexityError,
  syntaxError,
  templateError,
  type Position,
  type TemplateError,
  type TemplateErrorParams,
} from './errors.js';
import { conditionVariables, parseCondition, type Condition } from './expression-parser.js';
import { countChars, HARD_MAX_TEMPLATE_LENGTH, MAX_IF_DEPTH, MAX_REPORTED_ERRORS } from './limits.js';
import type { TemplateMessageName } from '../../shared/i18n/wa-templates.js';
import { isVariableName } from './variable-name.js';

export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string; at: Position }
  | { kind: 'if'; condition: Condition; then: InlineNode[]; otherwise: InlineNode[] };

export type LineNode =
  /** `conditional`: the line holds an inline #if, so it disappears when it renders blank. */
  | { kind: 'line'; parts: InlineNode[]; conditional: boolean }
  | { kind: 'block'; condition: Condition; then: LineNode[]; otherwise: LineNode[] };

export interface VariableUse {
  name: string;
  at: Position;
}

export interface ParsedTemplate {
  lines: LineNode[];
  placeholders: VariableUse[];
  conditionVariables: VariableUse[];
  /** When not empty, `lines` is incomplete and must not be rendered. */
  errors: TemplateError[];
}

type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string; at: Position }
  | { kind: 'open'; condition: Condition; at: Position }
  | { kind: 'else'; at: Position }
  | { kind: 'close'; at: Position };

type TagSegment = Extract<Segment, { kind: 'open' | 'else' | 'close' }>;

interface Frame<T> {
  node: { then: T[]; otherwise: T[] };
  inElse: boolean;
  at: Position;
}

/**
 * Stands in for a condition that did not parse, so the structure around it (its else and /if) is
 * still checked. A tree holding it is never rendered: the template has errors.
 */
const UNPARSED: Condition = { kind: 'and', conditions: [] };

const PREVIEW_LENGTH = 40;

function isTag(segment: Segment): segment is TagSegment {
  return segment.kind === 'open' || segment.kind === 'else' || segment.kind === 'close';
}

/** Finds the `}}` that ends a tag, skipping quoted text so eq(x, '}}') does not end it early. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '}' && text[i + 1] === '}') {
      return i;
    }
  }
  return -1;
}

function currentList<T>(stack: Frame<T>[], root: T[]): T[] {
  const top = stack[stack.length - 1];
  if (top === undefined) return root;
  return top.inElse ? top.node.otherwise : top.node.then;
}

/**
 * Reads a template line by line. A tag alone on its line (`{{#if c}}`, `{{else}}`, `{{/if}}`) opens,
 * switches or closes a block of whole lines; tags among other text are inline and must close on the
 * same line. Columns count UTF-16 units, as a text field's selection does, so an editor can point
 * at them directly.
 */
class TemplateParser {
  readonly lines: LineNode[] = [];
  readonly placeholders: VariableUse[] = [];
  readonly conditionVariables: VariableUse[] = [];
  readonly errors: TemplateError[] = [];
  private readonly blocks: Frame<LineNode>[] = [];

  get full(): boolean {
    return this.errors.length >= MAX_REPORTED_ERRORS;
  }

  parse(content: string): void {
    const lines = content.split('\n');
    for (let index = 0; index < lines.length && !this.full; index += 1) {
      this.line(lines[index] ?? '', index + 1);
    }
    for (const frame of this.blocks) this.syntax('unclosedIf', frame.at);
  }

  private syntax(name: TemplateMessageName, at: Position, params: TemplateErrorParams = {}): void {
    if (!this.full) this.errors.push(syntaxError(name, at, params));
  }

  private line(text: string, line: number): void {
    const segments = this.scan(text, line);
    const tags = segments.filter(isTag);
    const onlyTag = tags.length === 1 && segments.every((s) => isTag(s) || (s.kind === 'text' && s.text.trim() === ''));
    if (onlyTag && tags[0] !== undefined) this.blockTag(tags[0]);
    else currentList(this.blocks, this.lines).push(this.contentLine(segments, tags.length > 0));
  }

  private blockTag(tag: TagSegment): void {
    this.applyTag(this.blocks, this.lines, tag, 0, (condition) => ({
      kind: 'block' as const,
      condition,
      then: [],
      otherwise: [],
    }));
  }

  private contentLine(segments: Segment[], conditional: boolean): LineNode {
    const parts: InlineNode[] = [];
    const stack: Frame<InlineNode>[] = [];
    for (const segment of segments) {
      if (isTag(segment)) {
        this.applyTag(stack, parts, segment, this.blocks.length, (condition) => ({
          kind: 'if' as const,
          condition,
          then: [],
          otherwise: [],
        }));
      } else {
        currentList(stack, parts).push(segment);
      }
    }
    for (const frame of stack) this.syntax('unclosedInlineIf', frame.at);
    return { kind: 'line', parts, conditional };
  }

  /** One tag against a stack of open #if frames: the same rules for blocks of lines and inline parts. */
  private applyTag<T>(
    stack: Frame<T>[],
    root: T[],
    tag: TagSegment,
    outerDepth: number,
    open: (condition: Condition) => T & { then: T[]; otherwise: T[] },
  ): void {
    const top = stack[stack.length - 1];
    switch (tag.kind) {
      case 'open': {
        const node = open(tag.condition);
        currentList(stack, root).push(node);
        stack.push({ node, inElse: false, at: tag.at });
        if (outerDepth + stack.length > MAX_IF_DEPTH && !this.full) {
          this.errors.push(complexityError('ifTooDeep', tag.at, MAX_IF_DEPTH));
        }
        break;
      }
      case 'else':
        if (top === undefined) this.syntax('unexpectedElse', tag.at);
        else if (top.inElse) this.syntax('duplicateElse', tag.at);
        else top.inElse = true;
        break;
      case 'close':
        if (top === undefined) this.syntax('unexpectedEndIf', tag.at);
        else stack.pop();
        break;
    }
  }

  /** Splits one line into text, placeholders and tags, reporting malformed braces as it goes. */
  private scan(text: string, line: number): Segment[] {
    const segments: Segment[] = [];
    let textStart = 0;
    let i = 0;
    const flush = (end: number): void => {
      if (end > textStart) segments.push({ kind: 'text', text: text.slice(textStart, end) });
    };
    while (i < text.length && !this.full) {
      const ch = text[i];
      if (ch !== '{' && ch !== '}') {
        i += 1;
        continue;
      }
      flush(i);
      const at = { line, column: i + 1 };
      if (ch === '}') {
        this.syntax('strayBrace', at);
        i += 1;
      } else if (text[i + 1] === '{') {
        i = this.tag(text, i, at, segments);
      } else {
        i = this.placeholder(text, i, at, segments);
      }
      textStart = i;
    }
    flush(text.length);
    return segments;
  }

  private placeholder(text: string, start: number, at: Position, segments: Segment[]): number {
    const close = text.indexOf('}', start + 1);
    const nextOpen = text.indexOf('{', start + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      this.syntax('unclosedPlaceholder', at);
      return start + 1;
    }
    const name = text.slice(start + 1, close);
    if (isVariableName(name)) {
      segments.push({ kind: 'placeholder', name, at });
      this.placeholders.push({ name, at });
    } else {
      this.syntax('badPlaceholder', at, { text: name.slice(0, PREVIEW_LENGTH) });
    }
    return close + 1;
  }

  private tag(text: string, start: number, at: Position, segments: Segment[]): number {
    const bodyStart = start + 2;
    const close = findTagEnd(text, bodyStart);
    if (close === -1) {
      this.syntax('unclosedTag', at);
      return text.length;
    }
    const body = text.slice(bodyStart, close).trim();
    if (body === 'else') segments.push({ kind: 'else', at });
    else if (body === '/if') segments.push({ kind: 'close', at });
    else if (body === '#if' || body.startsWith('#if ') || body.startsWith('#if\t')) {
      const conditionStart = text.indexOf('#if', bodyStart) + 3;
      const condition = this.condition(text.slice(conditionStart, close), at.line, conditionStart);
      segments.push({ kind: 'open', condition, at });
    } else {
      this.syntax('unknownTag', at, { tag: body.slice(0, PREVIEW_LENGTH) });
    }
    return close + 2;
  }

  private condition(source: string, lineNumber: number, start: number): Condition {
    const at = (offset: number): Position => ({ line: lineNumber, column: start + offset + 1 });
    if (source.trim() === '') {
      this.syntax('emptyCondition', at(0));
      return UNPARSED;
    }
    const result = parseCondition(source);
    if (!result.ok) {
      const { code, name, offset, params } = result.error;
      if (!this.full) {
        this.errors.push(
          code === 'TEMPLATE_TOO_COMPLEX'
            ? templateError(code, name, { ...params, ...at(offset) })
            : syntaxError(name, at(offset), params),
        );
      }
      return UNPARSED;
    }
    for (const ref of conditionVariables(result.condition)) {
      this.conditionVariables.push({ name: ref.name, at: at(ref.offset) });
    }
    return result.condition;
  }
}

/** Never throws; past HARD_MAX_TEMPLATE_LENGTH it does not even look inside. */
export function parseTemplate(content: string): ParsedTemplate {
  if (content.length > HARD_MAX_TEMPLATE_LENGTH) {
    const error = templateError('TEMPLATE_TOO_LONG', 'tooLong', {
      length: countChars(content),
      max: HARD_MAX_TEMPLATE_LENGTH,
    });
    return { lines: [], placeholders: [], conditionVariables: [], errors: [error] };
  }
  const parser = new TemplateParser();
  parser.parse(content);
  return {
    lines: parser.lines,
    placeholders: parser.placeholders,
    conditionVariables: parser.conditionVariables,
    errors: parser.errors,
  };
}
