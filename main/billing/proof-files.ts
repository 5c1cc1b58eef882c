import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Failure, makePrivateDir } from '../platform/index.js';
import { PROOF_MAX_BYTES, type PROOF_CONTENT_TYPES } from '../../shared/domain/billing.js';

type ProofType = (typeof PROOF_CONTENT_TYPES)[number];

/** The first bytes each accepted image starts with: a renamed PDF or an executable is refused. */
const SIGNATURES: Record<ProofType, { ext: string; matches: (b: Buffer) => boolean }> = {
  'image/jpeg': { ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { ext: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/webp': { ext: 'webp', matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
};

const refuse = (key: string) => new Failure('VALIDATION_FAILED', {}, { proof: key });

/**
 * Photos of transfer proofs, in the data folder under the tenant (`proofs/<tenant>/<payment>.<ext>`,
 * private like the database): the row keeps the path relative to the data folder, so a moved data
 * folder keeps its proofs.
 */
export class ProofFiles {
  constructor(private readonly dataDir: string) {}

  /** Checks and writes the photo; returns its relative path. */
  save(tenantId: string, paymentId: string, proof: { contentType: ProofType; base64: string }): string {
    const bytes = Buffer.from(proof.base64, 'base64');
    if (bytes.length > PROOF_MAX_BYTES) throw refuse('validation.proofTooLarge');
    const kind = SIGNATURES[proof.contentType];
    if (!kind.matches(bytes)) throw refuse('validation.invalid');
    const dir = join('proofs', tenantId);
    makePrivateDir(join(this.dataDir, dir));
    const path = join(dir, `${paymentId}.${kind.ext}`);
    writeFileSync(join(this.dataDir, path), bytes, { mode: 0o600 });
    return path;
  }

  /** A photo whose payment was not recorded after all (the transaction failed). */
  discard(path: string): void {
    rmSync(join(this.dataDir, path), { force: true });
  }
}
