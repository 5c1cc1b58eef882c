/**
 * The RouterOS API's framing, as MikroTik documents it: a sentence is words ended by an empty word;
 * each word is its byte length (1 to 5 bytes, high bits say how many) then its bytes. Used by the
 * fake router in routeros-server.ts; the console's client is node-routeros, which has its own.
 */

export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >> 16) | 0xc0, (length >> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) return Buffer.from([(length >>> 24) | 0xe0, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  return Buffer.from([0xf0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
}

/** One sentence as one buffer (a real router writes a reply sentence in one go too). */
export function encodeSentence(words: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = Buffer.from(word, 'latin1');
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** How many bytes the length takes, read from its first byte. */
function lengthBytes(first: number): number {
  if ((first & 0x80) === 0) return 1;
  if ((first & 0xc0) === 0x80) return 2;
  if ((first & 0xe0) === 0xc0) return 3;
  if ((first & 0xf0) === 0xe0) return 4;
  return 5;
}

function decodeLength(buffer: Buffer, at: number, size: number): number {
  const first = buffer[at] as number;
  if (size === 1) return first;
  if (size === 5) return buffer.readUInt32BE(at + 1);
  const masks = [0, 0, 0x3f, 0x1f, 0x0f];
  let value = first & (masks[size] as number);
  for (let i = 1; i < size; i++) value = value * 256 + (buffer[at + i] as number);
  return value;
}

/** Collects bytes as they arrive (split anywhere) and hands out whole sentences. */
export class SentenceReader {
  private buffer: Buffer = Buffer.alloc(0);
  private words: string[] = [];

  push(chunk: Buffer): string[][] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const sentences: string[][] = [];
    let at = 0;
    for (;;) {
      if (at >= this.buffer.length) break;
      const size = lengthBytes(this.buffer[at] as number);
      if (at + size > this.buffer.length) break;
      const length = decodeLength(this.buffer, at, size);
      if (at + size + length > this.buffer.length) break;
      const word = this.buffer.toString('latin1', at + size, at + size + length);
      at += size + length;
      if (length === 0) {
        // An empty sentence is ignored, as the router does.
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
      } else {
        this.words.push(word);
      }
    }
    this.buffer = this.buffer.subarray(at);
    return sentences;
  }
}
