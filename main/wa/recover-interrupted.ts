import type { Clock } from '../platform/index.js';
import type { MessageStore, SendView } from './message-store.js';
import type { SendOutcome } from './send-outcome.js';
import type { ProviderRegistry } from './provider-registry.js';

/**
 * An interrupted attempt's own call into the page gives up after at most this long (the provider's
 * call deadline, twice over): only then can the chat be read without racing it.
 */
const SETTLE_MS = 2 * 60_000;
/** While the session cannot be asked (not ready yet after the restart), ask again this often. */
const RECHECK_MS = 30_000;
/** Undecided for this long after the crash: a person decides (MAYBE_SENT), as before. */
const GIVE_UP_MS = 30 * 60_000;

export interface RecoveryDeps {
  messages: MessageStore;
  providers: ProviderRegistry;
  clock: Clock;
  activity(tenantId: string, broadcastId: string | null): void;
}

/**
 * A WhatsApp Web message the app left 'sending' when it stopped: instead of waiting for a person,
 * the chat's recent history (whatsapp-web.js Chat.fetchMessages) says what happened. Found there:
 * it went, and is recorded sent with WhatsApp's id (receipts follow). Not there: it never left,
 * and goes back to the queue to be sent now (returns 'resend'). Only when the session cannot be
 * asked for half an hour is it parked as MAYBE_SENT for a person.
 */
export async function recoverInterrupted(d: RecoveryDeps, msg: SendView): Promise<SendOutcome | 'resend'> {
  const now = d.clock.now();
  // The try it was handed over in: counted on the log row with whatever is decided.
  const tried = { provider: msg.provider ?? 'wwebjs', failover: msg.failover === 1 };
  if (now < msg.updated_at + SETTLE_MS) return { kind: 'recheck', at: msg.updated_at + SETTLE_MS };
  const lookup = await d.providers.session(msg.tenant_id).findSent({ to: msg.to_number, text: msg.content, reference: msg.id }, msg.updated_at);
  if (lookup.kind === 'found') {
    d.activity(msg.tenant_id, msg.broadcast_id);
    // Should writing it fail, the message stays 'sending' and its chat is read again (see Outbox).
    return { kind: 'sent', providerMessageId: lookup.providerMessageId, sendMs: 0, recovered: true, tried };
  }
  if (lookup.kind === 'absent') {
    d.messages.unsend(msg.seq);
    return 'resend';
  }
  if (now < msg.updated_at + GIVE_UP_MS) return { kind: 'recheck', at: now + RECHECK_MS };
  d.activity(msg.tenant_id, msg.broadcast_id);
  const note = `the app stopped while this message was being sent, and its chat could not be read: ${lookup.reason}`;
  return { kind: 'failed', code: 'MAYBE_SENT', message: note, tried };
}
