import type { Transport } from '../../../shared/contract/client.js';
import type { RrnetBridge } from './rrnet-bridge.js';
import { transportFailure } from './transport-failure.js';

export function createElectronTransport(bridge: RrnetBridge): Transport {
  return {
    async invoke(method, input, meta) {
      try {
        return await bridge.invoke(method, input, meta);
      } catch {
        return transportFailure(meta.locale);
      }
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
