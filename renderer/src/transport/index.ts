import type { Transport } from '../../../shared/contract/client.js';
import { createElectronTransport } from './electron-transport.js';
import { createWebTransport } from './web-transport.js';

export interface PickedTransport extends Transport {
  onReconnect?(listener: () => void): () => void;
}

/** Inside Electron the preload bridge is there; in a browser (web mode) we speak HTTP. */
export function pickTransport(session: () => string | null): PickedTransport {
  if (window.rrnet) return createElectronTransport(window.rrnet);
  return createWebTransport({ apiToken: readApiToken(), session });
}

function readApiToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="rrnet-token"]')?.content ?? '';
}

export type { RrnetBridge } from './rrnet-bridge.js';
