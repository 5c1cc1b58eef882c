import { Failure, type IdGenerator } from '../../platform/index.js';
import { IMPORT_MAX_BYTES } from '../../../shared/domain/customer-import.js';

interface Upload {
  tenantId: string;
  fileName: string;
  parts: Buffer[];
  bytes: number;
}

/**
 * Files being imported, held in memory between "choose file" and "Terapkan" (a restart drops them:
 * the operator chooses the file again). A file arrives in parts because web mode caps a request at
 * 1 MB. Only the few latest are kept: an operator imports one file at a time.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private static readonly KEPT = 4;

  constructor(private readonly ids: IdGenerator) {}

  append(tenantId: string, uploadId: string | null, fileName: string, part: Buffer): { uploadId: string; bytes: number } {
    const id = uploadId ?? this.ids.next();
    const upload = uploadId === null ? { tenantId, fileName, parts: [], bytes: 0 } : this.uploads.get(uploadId);
    if (!upload || upload.tenantId !== tenantId) throw new Failure('NOT_FOUND');
    if (upload.bytes + part.length > IMPORT_MAX_BYTES) {
      this.uploads.delete(id);
      throw new Failure('VALIDATION_FAILED', {}, { file: { key: 'importErrors.tooLarge', params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } } });
    }
    upload.parts.push(part);
    upload.bytes += part.length;
    // Re-inserted so the map's order is the order of last use, and the oldest goes first.
    this.uploads.delete(id);
    this.uploads.set(id, upload);
    for (const old of this.uploads.keys()) {
      if (this.uploads.size <= UploadStore.KEPT) break;
      this.uploads.delete(old);
    }
    return { uploadId: id, bytes: upload.bytes };
  }

  get(tenantId: string, uploadId: string): { fileName: string; bytes: Buffer } {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.tenantId !== tenantId) throw new Failure('VALIDATION_FAILED', {}, { file: 'importErrors.gone' });
    return { fileName: upload.fileName, bytes: Buffer.concat(upload.parts) };
  }
}
