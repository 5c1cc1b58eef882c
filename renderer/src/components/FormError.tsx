import type { AppError } from '../../../shared/contract/errors.js';

/** The general message of a failed call, shown on top of the form it belongs to. */
export function FormError({ error }: { error: AppError | null }) {
  if (!error) return null;
  const general = error.fields?._;
  return (
    <div className="form-error" role="alert" data-testid="form-error">
      <strong>{error.message}</strong>
      {general ? <div>{general}</div> : null}
    </div>
  );
}
