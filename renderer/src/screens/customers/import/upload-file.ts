import type { AppError, CallResult } from '../../../../../shared/contract/errors.js';
import { IMPORT_PART_BYTES } from '../../../../../shared/domain/customer-import.js';
import { call } from '../../../api/client.js';
import { toBase64 } from '../../../components/base64.js';

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
