import type { CallResult } from './errors.js';
import type { DomainEvent } from './events.js';
import type { MethodInput, MethodName, MethodOutput } from './index.js';

/** How a contract call travels: Electron IPC through the preload bridge, or HTTP in web mode. */
export interface Transport {
  invoke(method: string, input: unknown, meta: CallMeta): Promise<CallResult<unknown>>;
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

export interface CallMeta {
  /** The session token from auth.login; absent for public methods. */
  session: string | null;
  locale: 'id' | 'en';
}

export interface ContractClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

export function createContractClient(transport: Transport, meta: () => CallMeta): ContractClient {
  return {
    call: (method, input) => transport.invoke(method, input, meta()) as Promise<CallResult<MethodOutput<typeof method>>>,
    subscribe: (listener) => transport.subscribe(listener),
  };
}
