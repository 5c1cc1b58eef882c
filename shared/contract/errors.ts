import { z } from 'zod';

/** Stable error codes: the UI, tests and later the cloud rely on these names never changing. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FEATURE_DISABLED',
  'LIMIT_EXCEEDED',
  'TENANT_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'ROUTER_IN_USE',
  'UNKNOWN_METHOD',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'SETUP_DONE',
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorsSchema = z.record(z.string(), z.string());
export type FieldErrors = z.infer<typeof fieldErrorsSchema>;

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: fieldErrorsSchema.optional(),
});
/** What every failed call returns: a value, never a thrown exception across the boundary. */
export type AppError = z.infer<typeof appErrorSchema>;

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: AppError };
