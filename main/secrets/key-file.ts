import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makePrivateDir, tightenFile } from '../platform/index.js';

/**
 * Web mode's key: a random 32-byte file readable by the owner only. The desktop instead keeps the
 * key encrypted with Electron's safeStorage (the OS keychain) and hands it to the core at start.
 */
export function loadOrCreateKeyFile(dataDir: string, name = 'secret.key'): Buffer {
  makePrivateDir(dataDir);
  const file = join(dataDir, name);
  if (existsSync(file)) {
    tightenFile(file);
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is not a 32-byte key`);
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
