import type { Handover, OutgoingMessage, ProviderStatus, SendResult, WaProvider } from '../provider.js';

/**
 * Sends nothing and always succeeds: the demo tenant's default, so reminders and broadcasts can be
 * tried end to end without a phone. The outbox already records every message; this keeps no copy.
 */
export function createDryRunProvider(): WaProvider {
  return {
    key: 'dry-run',
    async send(message: OutgoingMessage, handover?: Handover): Promise<SendResult> {
      if (handover && !(await handover())) return { ok: false, code: 'PROVIDER_ERROR', retryable: false, message: 'cancelled before sending', mayHaveReached: false };
      return { ok: true, providerMessageId: `dry-${message.reference}` };
    },
    async status(): Promise<ProviderStatus> {
      return { state: 'ready', detail: null, qr: null };
    },
  };
}
