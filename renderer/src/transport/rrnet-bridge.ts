import type { Transport } from '../../../shared/contract/client.js';

/** What the preload exposes through contextBridge in the desktop app: the contract's Transport, no more. */
export type RrnetBridge = Transport;

declare global {
  interface Window {
    /** Present only inside Electron; web mode talks HTTP instead. */
    rrnet?: RrnetBridge;
  }
}
