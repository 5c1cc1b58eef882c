import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../main/web/index.js';
import { makeTempDir } from '../support/core-fixture.js';

/**
 * 120 sign-ins at once (from six loopback addresses, so the per-source throttle lets them all be
 * checked) must not queue the page's files behind their password hashes: the file comes back while
 * most of the hashes are still waiting. An order, not a time, is asserted.
 */
describe('the page stays responsive under a sign-in burst', () => {
  let dir: string;
  let server: WebServer;
  let cookie: string;

  const send = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });

  beforeAll(async () => {
    dir = makeTempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("rrnet");\n'.repeat(1000));
    // The burst's 120 connections are over the default connection cap (64), which would answer the
    // page with a 503 BUSY: this test is about the hashing threads, so the cap is lifted here.
    server = await startWebServer({ dataDir: join(dir, 'data'), port: 0, ownerPassword: 'pemilik-web-123', staticDir, maxConnections: 1_000 });
    const traded = await send(`/?token=${server.token}`);
    cookie = String(traded.headers['set-cookie']).split(';')[0] ?? '';
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a script of the page comes back before the burst of 120 password checks has drained', async () => {
    let checked = 0;
    const burst = Array.from({ length: 120 }, (_, i) =>
      send('/api/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rrnet-token': server.token },
        body: JSON.stringify({ username: `tamu${i}`, password: 'tebak-tebak' }),
        from: `127.0.0.${2 + (i % 6)}`,
      }).then((reply) => {
        if (reply.status === 401) checked += 1;
        return reply;
      }),
    );
    // Let the server take the burst in before the page asks for its file.
    await new Promise((r) => setTimeout(r, 50));
    const page = await send('/assets/app.js', { headers: { cookie } });
    const checkedBeforePage = checked;
    const replies = await Promise.all(burst);
    expect(page.status).toBe(200);
    expect(replies.filter((r) => r.status === 401)).toHaveLength(120);
    expect(checkedBeforePage).toBeLessThan(60);
  });
});
