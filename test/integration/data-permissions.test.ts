import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer } from '../../main/web/index.js';
import { createOwner, createTestCore, makeTempDir, type TestCore } from '../support/core-fixture.js';
import { createPackage } from '../support/customers.js';

/** Another user of the same computer may read nothing of the console's data: customers, sessions, tokens. */
const mode = (path: string) => statSync(path).mode & 0o777;
const DB_FILES = ['rrnet.sqlite', 'rrnet.sqlite-wal', 'rrnet.sqlite-shm'];

describe.skipIf(process.platform === 'win32')('the data folder is readable by its user only', () => {
  const open: TestCore[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.cleanup();
  });

  it('makes a new data folder 0700 and the database and its WAL files 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(makeTempDir(), 'nested', 'data');
      const t = createTestCore({ dataDir });
      open.push(t);
      const { token } = await createOwner(t.core);
      await createPackage(t.core, token);
      expect(mode(dataDir)).toBe(0o700);
      for (const file of DB_FILES) expect(mode(join(dataDir, file)), file).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens the folder and files of an install made before, on its next start', async () => {
    const dataDir = makeTempDir();
    const first = createTestCore({ dataDir });
    await createOwner(first.core);
    await first.core.close();
    chmodSync(dataDir, 0o755);
    for (const file of DB_FILES) if (existsSync(join(dataDir, file))) chmodSync(join(dataDir, file), 0o644);

    const t = createTestCore({ dataDir });
    open.push(t);
    expect(mode(dataDir)).toBe(0o700);
    for (const file of DB_FILES) expect(mode(join(dataDir, file)), file).toBe(0o600);
  });

  it('keeps web mode token and key files 0600, also in a folder made before', async () => {
    const dataDir = join(makeTempDir(), 'web');
    mkdirSync(dataDir, { mode: 0o755 });
    writeFileSync(join(dataDir, 'web-token'), 'token-made-before-0123456789\n', { mode: 0o644 });
    const server = await startWebServer({ dataDir, port: 0, ownerPassword: 'pemilik-web-123' });
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['web-token', 'secret.key', ...DB_FILES]) expect(mode(join(dataDir, file)), file).toBe(0o600);
    } finally {
      await server.close();
    }
  });
});
