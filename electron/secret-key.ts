import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadOrCreateKeyFile } from '../main/secrets/index.js';
import type { Logger } from '../main/platform/index.js';

/** The slice of Electron's safeStorage used here: the OS keychain (DPAPI, libsecret, KWallet). */
export interface KeyVault {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

/** The key sealed by safeStorage. */
export const SEALED_KEY_FILE = 'secret.key.sealed';
/** The key in clear, readable by the owner only: main/secrets' default file name. */
export const PLAIN_KEY_FILE = 'secret.key';

/**
 * The 32-byte key of the core's secret box (router passwords, provider tokens). Kept sealed by the
 * OS keychain through safeStorage; where there is no real keychain (Linux without libsecret or
 * KWallet gives "basic_text", a fixed password) the web-mode 0600 key file is no worse, so it is
 * used and the log says so. An existing key is never replaced: that would orphan every secret.
 */
export async function loadOrCreateSecretKey(dataDir: string, vault: KeyVault, log: Logger, platform: NodeJS.Platform = process.platform): Promise<Buffer> {
  const sealedFile = join(dataDir, SEALED_KEY_FILE);
  if (existsSync(sealedFile)) {
    const { result, shouldReEncrypt } = await vault.decryptStringAsync(readFileSync(sealedFile));
    const key = toKey(result, sealedFile);
    if (shouldReEncrypt) writeSealed(sealedFile, await vault.encryptStringAsync(result));
    return key;
  }
  if (existsSync(join(dataDir, PLAIN_KEY_FILE))) return loadOrCreateKeyFile(dataDir, PLAIN_KEY_FILE);

  const unusable = await whyKeychainUnusable(vault, platform);
  if (unusable) {
    log.warn(`safeStorage unavailable (${unusable}); keeping the secret key in a 0600 file instead`, { file: PLAIN_KEY_FILE });
    return loadOrCreateKeyFile(dataDir, PLAIN_KEY_FILE);
  }
  const key = randomBytes(32);
  writeSealed(sealedFile, await vault.encryptStringAsync(key.toString('base64')));
  log.info('created the secret key, sealed with safeStorage');
  return key;
}

async function whyKeychainUnusable(vault: KeyVault, platform: NodeJS.Platform): Promise<string | null> {
  if (!(await vault.isAsyncEncryptionAvailable())) return 'encryption not available';
  if (platform !== 'linux') return null;
  const backend = vault.getSelectedStorageBackend();
  return backend === 'basic_text' || backend === 'unknown' ? `Linux backend "${backend}"` : null;
}

function toKey(base64: string, file: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

/** Written beside and renamed into place, so a crash never leaves half a key. */
function writeSealed(file: string, sealed: Buffer): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, sealed, { mode: 0o600 });
  renameSync(temp, file);
}
