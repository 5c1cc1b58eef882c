/**
 * The WHERE of a list query: fixed conditions plus the filters the caller happened to give, joined
 * with AND, each with its parameters in order. Said once for every list screen (jobs, customers,
 * message logs, broadcast recipients).
 */
export class Where {
  private readonly conditions: string[] = [];
  private readonly values: unknown[] = [];

  and(condition: string, ...values: unknown[]): this {
    this.conditions.push(condition);
    this.values.push(...values);
    return this;
  }

  /** Adds the condition only when `value` was given (not undefined, null or empty): an optional filter. */
  andIf<T>(value: T | undefined | null, condition: string, toValues: (value: T) => unknown[] = (v) => [v]): this {
    if (value === undefined || value === null || value === '') return this;
    return this.and(condition, ...toValues(value));
  }

  /** `WHERE a AND b`, or nothing when no condition was added. */
  get sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** The parameters so far, a copy: a count query can be taken before the page's cursor is added. */
  get params(): unknown[] {
    return [...this.values];
  }
}
