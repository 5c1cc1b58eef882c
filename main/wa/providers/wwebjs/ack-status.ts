import type { DeliveryStatus } from '../provider.js';

/**
 * whatsapp-web.js `MessageAck` -> our delivery status. 0 (pending: still on this device) says
 * nothing new after a successful send, so it maps to null and is not reported.
 */
export function deliveryStatusOf(ack: number): DeliveryStatus | null {
  if (ack === -1) return 'failed';
  if (ack === 1) return 'sent';
  if (ack === 2) return 'delivered';
  // 4 = a voice note was played: for our text messages, as good as read.
  if (ack === 3 || ack === 4) return 'read';
  return null;
}
