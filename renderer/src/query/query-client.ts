import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { AppError } from '../../../shared/contract/errors.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { call } from '../api/client.js';
import { registerReset } from '../stores/reset.js';

/** A refused call carried through TanStack Query, which only knows thrown errors. */
export class CallError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Opening a screen re-reads what it shows (not every change has an event, e.g. RRNet's
      // suspension); while it is open the core's events keep it true (event-hub.ts). Long paged
      // lists opt out (use-method-pages.ts): re-reading 100 pages on every return would be waste.
      staleTime: 0,
      refetchOnWindowFocus: false,
      // Errors are values from the core (refused, not found): asking again gives the same answer.
      retry: false,
    },
  },
});
// Signing out leaves nothing of this tenant for the next user.
registerReset(() => queryClient.clear());

/** Every query is keyed by its contract method first, so an event invalidates a method's every input. */
export function methodKey<M extends MethodName>(method: M, input: MethodInput<M>): QueryKey {
  return [method, input];
}

export async function callOrThrow<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new CallError(result.error);
  return result.data;
}

/** The AppError behind a query's failure, for <FormError>. */
export function appErrorOf(error: Error | null): AppError | null {
  if (!error) return null;
  return error instanceof CallError ? error.appError : { code: 'INTERNAL', message: error.message };
}

/** Puts what the core just answered (a saved record) on screen without another round trip. */
export function setMethodData<M extends MethodName>(method: M, input: MethodInput<M>, data: MethodOutput<M>): void {
  queryClient.setQueryData(methodKey(method, input), data);
}

/** After a write: refetch what shows the method's data now (the event will also come; the socket may be down). */
export function invalidateMethod(method: MethodName): void {
  void queryClient.invalidateQueries({ queryKey: [method] });
}
