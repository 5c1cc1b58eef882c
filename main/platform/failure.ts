import type { ErrorCode } from '../../shared/contract/errors.js';

/** A field message with parameters, e.g. a template error that names the line and column. */
export interface FieldMessage {
  key: string;
  params: Record<string, string | number>;
}
export type FieldError = string | FieldMessage | FieldMessage[];

/**
 * A refusal the user should see: a stable code, an i18n key (translated at the boundary in the
 * caller's language), and optional field errors keyed by field name with i18n keys as values.
 */
export class Failure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, FieldError>,
  ) {
    super(code);
    this.name = 'Failure';
  }
}

export const notFound = (): Failure => new Failure('NOT_FOUND');
/** A clash with existing data, pinned to the field that clashes (shown next to it in the form). */
export const conflict = (field: string, messageKey: string): Failure =>
  new Failure('CONFLICT', {}, { [field]: messageKey });
