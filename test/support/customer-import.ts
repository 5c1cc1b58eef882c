import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../main/core/index.js';
import { IMPORT_PART_BYTES } from '../../shared/domain/customer-import.js';
import { ok } from './core-fixture.js';

/** A file of test/fixtures/. */
export const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

/** Uploads a file the way the screen does: in parts small enough for web mode's 1 MB request cap. */
export async function uploadFile(core: Core, token: string, fileName: string, bytes: Buffer): Promise<string> {
  let uploadId: string | null = null;
  for (let at = 0; at === 0 || at < bytes.length; at += IMPORT_PART_BYTES) {
    const part = bytes.subarray(at, at + IMPORT_PART_BYTES).toString('base64');
    uploadId = (await ok(core, 'customers.import.upload', { uploadId, fileName, part }, token)).uploadId;
  }
  if (uploadId === null) throw new Error('nothing uploaded');
  return uploadId;
}
