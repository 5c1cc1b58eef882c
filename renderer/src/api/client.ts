import { createContractClient } from '../../../shared/contract/client.js';
import type { CallResult } from '../../../shared/contract/errors.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { pickTransport } from '../transport/index.js';
import { useLocale } from '../stores/locale-store.js';
import { saveSessionToken, useSession } from '../stores/session-store.js';
import { resetStores } from '../stores/reset.js';

export const transport = pickTransport(() => useSession.getState().token);

const client = createContractClient(transport, () => ({
  session: useSession.getState().token,
  locale: useLocale.getState().locale,
}));

/**
 * Every screen calls the core through here. A session that ended (expired, user deactivated)
 * sends the window back to the login screen with the core's message, whatever screen asked.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>> {
  const result = await client.call(method, input);
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && useSession.getState().token !== null) {
    endSession(result.error.message);
  }
  return result;
}

export function subscribeEvents(listener: Parameters<typeof client.subscribe>[0]): () => void {
  return client.subscribe(listener);
}

export function endSession(notice: string | null): void {
  saveSessionToken(null);
  resetStores();
  useSession.setState({ phase: 'login', user: null, notice });
}
