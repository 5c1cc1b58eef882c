import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../support/unhandled-rejection-child.ts', import.meta.url));

describe('unhandled promise rejections in the core process', () => {
  it('are logged and the process keeps answering', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value as string | undefined;
    try {
      expect(await next()).toBe('ready');
      child.stdin.write('reject\n');
      expect(await next()).toBe('rejected');
      child.stdin.write('ping\n');
      expect(await next()).toBe('pong');
      expect(child.exitCode).toBeNull();
      expect(stderr).toContain('unhandled promise rejection; the core keeps running');
      expect(stderr).toContain('a provider callback nobody awaited');
    } finally {
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
