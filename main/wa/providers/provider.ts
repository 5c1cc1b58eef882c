/**
 * One interface for every WhatsApp provider (whatsapp-web.js, Fonnte, dry-run). Adapters never
 * throw for a provider's refusal: they return a standard result the dispatcher can act on
 * (retry, fail over, or give up) without knowing which provider answered.
 */
export { WA_ERROR_CODES, type WaErrorCode } from '../../../shared/domain/wa.js';
import type { WaErrorCode, WaProviderKey } from '../../../shared/domain/wa.js';

export interface OutgoingMessage {
  /** E.164, e.g. +6281234567890. */
  to: string;
  text: string;
  /** Our message id, for providers that can carry a reference back to us. */
  reference: string;
}

export type SendResult =
  | { ok: true; providerMessageId: string | null }
  | {
      ok: false;
      code: WaErrorCode;
      retryable: boolean;
      message: string;
      /**
       * Whether the provider may have taken the message although it did not say so: true when the
       * request had left and the answer never came (a timeout, a connection dropped after the body
       * was written, a page that died mid-send). Such a message is never sent again blindly. False
       * when it certainly did not go (refused, or failed before anything was sent), so retrying is safe.
       */
      mayHaveReached: boolean;
    };

export type ProviderState =
  | 'stopped'
  | 'starting'
  | 'qr'
  | 'authenticated'
  | 'ready'
  | 'disconnected'
  | 'auth_failure'
  | 'error';

export interface ProviderStatus {
  state: ProviderState;
  /** Human detail: the device name, the missing browser, the provider's reason. */
  detail: string | null;
  /** The latest QR string while pairing (wwebjs only). */
  qr: string | null;
}

/** Delivery progress reported by the provider after sending (wwebjs `message_ack`). */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

/**
 * Called by a provider at the last moment before the message can leave (the connection open, the
 * number checked): the caller commits "sending" then, so a crash before it leaves nothing to
 * doubt. False: do not send (the message was cancelled meanwhile); the provider answers a
 * failure that did not reach anyone.
 */
export type Handover = () => Promise<boolean>;

export interface WaProvider {
  readonly key: WaProviderKey;
  /** Without `handover` the message goes as soon as it can (tests, a provider's own checks). */
  send(message: OutgoingMessage, handover?: Handover): Promise<SendResult>;
  status(): Promise<ProviderStatus>;
}
