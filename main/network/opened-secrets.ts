import type { SecretBox } from '../secrets/index.js';

/** Enough for every router of the largest tenant; past it the memo starts over rather than grow. */
const MAX_OPENED = 1_000;

/**
 * Router passwords and RADIUS secrets opened once while unchanged: every isolir job logs in with its
 * router's password, and opening a sealed secret (a key derivation and a decryption) for each of a
 * thousand isolations cost more CPU than talking to the router. Keyed by the sealed text itself, so
 * an edited password (sealed afresh, with a new nonce) is opened anew and the old one is never used.
 */
export class OpenedSecrets {
  private readonly opened = new Map<string, string>();

  constructor(private readonly secrets: SecretBox) {}

  open(sealed: string): string {
    const known = this.opened.get(sealed);
    if (known !== undefined) return known;
    const plain = this.secrets.open(sealed);
    if (this.opened.size >= MAX_OPENED) this.opened.clear();
    this.opened.set(sealed, plain);
    return plain;
  }
}
