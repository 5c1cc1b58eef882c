import type { DeliveryStatus } from './providers/provider.js';

/** A receipt older than this was not for a send of ours still being recorded: let it go. */
const HOLD_MS = 10 * 60_000;
/** Receipts for messages typed on the phone itself also come here; a bound keeps those from piling up. */
const MAX_HELD = 1_000;
/** Which of two receipts for one message says more; an error ranks below proof of delivery. */
const WEIGHT: Record<DeliveryStatus, number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

/**
 * Receipts that arrive before their message is recorded as sent: WhatsApp can confirm a message
 * before whatsapp-web.js's sendMessage resolves, and always before the 'sent' write (which carries
 * the provider's id) commits. Held here, they are applied the moment 'sent' is written.
 */
export class EarlyAcks {
  private readonly held = new Map<string, { status: DeliveryStatus; at: number }>();

  hold(providerMessageId: string, status: DeliveryStatus, now: number): void {
    const previous = this.held.get(providerMessageId);
    if (previous && WEIGHT[previous.status] >= WEIGHT[status]) return;
    this.held.delete(providerMessageId);
    this.held.set(providerMessageId, { status, at: now });
    // A Map iterates in insertion order: the oldest go first.
    for (const [id, { at }] of this.held) {
      if (this.held.size <= MAX_HELD && at > now - HOLD_MS) break;
      this.held.delete(id);
    }
  }

  /** The receipt held for this id, if any (it is removed: it applies once). */
  take(providerMessageId: string): DeliveryStatus | null {
    const entry = this.held.get(providerMessageId);
    if (!entry) return null;
    this.held.delete(providerMessageId);
    return entry.status;
  }
}
