import type { OutgoingMessage, SendResult } from '../../main/wa/providers/provider.js';

/** The number every provider test sends to. */
export const TEST_TO = '+6281234567890';

/** A message as the dispatcher hands it to a provider. */
export const outgoing = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  to: TEST_TO,
  text: 'Tagihan Internet Januari: Rp150.000. Terima kasih.',
  reference: 'msg-01',
  ...overrides,
});

/** Narrows a provider result to its failure, failing the test on a success. */
export function expectFailure(result: SendResult): Extract<SendResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}
