import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Web mode's key: a random 32-byte file readable by the owner only. The desktop instead keeps the
 * key encrypted with Electron's safeStorage (the OS keychain) and hands it to the core at start.
 */
export function loadOrCreateKeyFile(dataDir: string, name = 'secret.key'): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, name);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is not a 32-byte key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
