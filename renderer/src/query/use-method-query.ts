import { useQuery } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '../../../shared/contract/index.js';
import { appErrorOf, callOrThrow, methodKey } from './query-client.js';

/** One contract method's answer, cached under [method, input] and refreshed by the core's events. */
export function useMethodQuery<M extends MethodName>(method: M, input: MethodInput<M>, options: { enabled?: boolean } = {}) {
  const query = useQuery({ queryKey: methodKey(method, input), queryFn: () => callOrThrow(method, input), ...options });
  return { data: query.data, error: appErrorOf(query.error), loading: query.isPending };
}
