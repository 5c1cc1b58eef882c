import type { AppError, CallResult } from '../../../../../shared/contract/errors.js';
import { IMPORT_PART_BYTES } from '../../../../../shared/domain/customer-import.js';
import { call } from '../../../api/client.js';

/** base64 of a part of the file, without a 1 MB string built by hand character by character. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(binary);
}

/** Sends the chosen file to the core in parts (web mode takes at most 1 MB a request); its upload id, or the core's refusal. */
export async function uploadFile(file: File): Promise<{ ok: true; uploadId: string } | { ok: false; error: AppError }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let uploadId: string | null = null;
  for (let at = 0; at === 0 || at < bytes.length; at += IMPORT_PART_BYTES) {
    const result: CallResult<{ uploadId: string }> = await call('customers.import.upload', { uploadId, fileName: file.name, part: toBase64(bytes.subarray(at, at + IMPORT_PART_BYTES)) });
    if (!result.ok) return result;
    uploadId = result.data.uploadId;
  }
  return { ok: true, uploadId: uploadId ?? '' };
}
